using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YarnDL.Spec.Model;

namespace YarnDL.Spec.Loading;

/// <summary>Reads a sweep parameter: a sequence of scalars or a <c>{min, max, scale, type}</c> mapping.</summary>
internal sealed class ParameterConverter : IYamlTypeConverter
{
    private const string RangeKeys = "min, max, scale, type";

    public bool Accepts(Type type) => type == typeof(ParameterSpec);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        if (parser.TryConsume<SequenceStart>(out _))
        {
            var values = new List<string>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                var s = parser.Current is Scalar ? parser.Consume<Scalar>() : null;
                if (s is null)
                {
                    var e = parser.Current!;
                    throw new SpecValueException(e.Start, e.End, "parameter values must be scalars");
                }

                values.Add(s.Value);
            }

            return new ParameterSpec { Values = values };
        }

        if (parser.TryConsume<MappingStart>(out var start))
        {
            return ReadRange(parser, start);
        }

        var bad = parser.Current!;
        throw new SpecValueException(bad.Start, bad.End, "a parameter must be a list of values or a range { min, max, scale: linear|log, type: float|int }");
    }

    private static ParameterSpec ReadRange(IParser parser, MappingStart start)
    {
        var spec = new ParameterSpec();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>();
            var value = parser.Consume<Scalar>();
            spec = key.Value switch
            {
                "min" => spec with { Min = Number(value) },
                "max" => spec with { Max = Number(value) },
                "scale" => value.Value is "log" or "linear" ? spec with { LogScale = value.Value == "log" }
                    : throw new SpecValueException(value.Start, value.End, $"bad scale '{value.Value}' (allowed: linear, log)"),
                "type" => value.Value is "int" or "float" ? spec with { IntegerValued = value.Value == "int" }
                    : throw new SpecValueException(value.Start, value.End, $"bad type '{value.Value}' (allowed: float, int)"),
                _ => throw new SpecValueException(key.Start, key.End, $"unknown key '{key.Value}' in parameter range (allowed: {RangeKeys})"),
            };
        }

        if (spec.Min is null || spec.Max is null)
        {
            throw new SpecValueException(start.Start, start.End, "a parameter range needs both min and max");
        }

        return spec;
    }

    private static double Number(Scalar s) =>
        double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw new SpecValueException(s.Start, s.End, $"'{s.Value}' is not a number");

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        throw new NotSupportedException("job specs are not written back to YAML");
}
