using System.Globalization;
using YarnDL.Spec.Model;

namespace YarnDL.Spec.Sweep;

/// <summary>Expands a sweep into trials: grid = cartesian product (last parameter fastest), random = seeded sampling.</summary>
public static class SweepExpander
{
    /// <summary>The trials of <paramref name="spec"/>; one trial without parameters when there is no sweep.</summary>
    public static IReadOnlyList<Trial> Expand(JobSpec spec)
    {
        if (spec.Sweep is not { } sweep)
        {
            return [new Trial(0, [])];
        }

        return sweep.Strategy == SweepStrategy.Grid ? Grid(sweep) : Random(sweep);
    }

    private static List<Trial> Grid(SweepSpec sweep)
    {
        var names = sweep.Parameters.Keys.ToList();
        var lists = names.Select(n => sweep.Parameters[n].Values).ToList();
        var total = lists.Aggregate(1L, (acc, l) => acc * l.Count);
        var count = (int)Math.Min(total, sweep.MaxTrials ?? int.MaxValue);
        var trials = new List<Trial>(count);
        for (var t = 0; t < count; t++)
        {
            var rest = (long)t;
            var values = new KeyValuePair<string, string>[names.Count];
            for (var p = names.Count - 1; p >= 0; p--)
            {
                values[p] = new(names[p], lists[p][(int)(rest % lists[p].Count)]);
                rest /= lists[p].Count;
            }

            trials.Add(new Trial(t, values));
        }

        return trials;
    }

    private static List<Trial> Random(SweepSpec sweep)
    {
        var rng = new Random(sweep.Seed);
        var count = sweep.MaxTrials ?? SpecDefaults.RandomMaxTrials;
        var trials = new List<Trial>(count);
        for (var t = 0; t < count; t++)
        {
            var values = sweep.Parameters
                .Select(kv => new KeyValuePair<string, string>(kv.Key, Sample(kv.Value, rng)))
                .ToArray();
            trials.Add(new Trial(t, values));
        }

        return trials;
    }

    private static string Sample(ParameterSpec p, Random rng)
    {
        if (!p.IsRange)
        {
            return p.Values[rng.Next(p.Values.Count)];
        }

        double min = p.Min!.Value, max = p.Max!.Value, u = rng.NextDouble();
        var x = p.LogScale ? Math.Exp(Math.Log(min) + (u * (Math.Log(max) - Math.Log(min)))) : min + (u * (max - min));
        return p.IntegerValued
            ? ((long)Math.Round(x)).ToString(CultureInfo.InvariantCulture)
            : x.ToString("G6", CultureInfo.InvariantCulture);
    }
}
