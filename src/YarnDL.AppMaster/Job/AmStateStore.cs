using System.Text.Json;
using YarnDL.AppMaster.Clusters;

namespace YarnDL.AppMaster.Job;

/// <summary>Keeps <see cref="SavedState"/> in a local file (written atomically) under the staging directory.</summary>
internal sealed partial class AmStateStore(string path)
{
    public const string FileName = "am-state.json";

    public string Path { get; } = path;

    public static SavedState Capture(AmState state) => new(
        [.. state.Sessions.Select(s => new SavedCluster(
            s.Id,
            s.Generation,
            s.Restarts,
            s.State.ToString(),
            s.FailureReason,
            s.FinalMetrics,
            [.. s.Slots.Select(t => new SavedTask(t.Role, t.Index, t.State.ToString(), t.ContainerId, t.NodeId, t.NodeHttpAddress, t.Address))]))]);

    public void Save(AmState state)
    {
        var tmp = Path + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(Capture(state), SavedStateJson.Default.SavedState));
        File.Move(tmp, Path, overwrite: true);
    }

    public SavedState? Load() =>
        File.Exists(Path) ? JsonSerializer.Deserialize(File.ReadAllText(Path), SavedStateJson.Default.SavedState) : null;

    /// <summary>Applies a saved state to fresh sessions; returns the container ids it expects to re-adopt.</summary>
    public static IReadOnlySet<string> Restore(AmState state, SavedState saved)
    {
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in saved.Clusters)
        {
            if (!state.ById.TryGetValue(c.Id, out var session))
            {
                continue;
            }

            session.Restore(c.Generation, c.Restarts, Enum.Parse<ClusterState>(c.State), c.FailureReason, c.FinalMetrics);
            foreach (var t in c.Tasks)
            {
                if (session.Find(t.Role, t.Index) is not { } slot)
                {
                    continue;
                }

                slot.State = Enum.Parse<TaskState>(t.State);
                (slot.ContainerId, slot.NodeId, slot.NodeHttpAddress, slot.Address) = (t.ContainerId, t.NodeId, t.NodeHttpAddress, t.Address);
                if (slot.ContainerId is { } id && slot.State is TaskState.Launched or TaskState.Registered)
                {
                    expected.Add(id);
                }
            }

            session.RestoreBarrier();
        }

        return expected;
    }
}
