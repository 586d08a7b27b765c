using System.Reflection;
using YamlDotNet.Serialization.NamingConventions;
using YarnDL.Spec.Model;

namespace YarnDL.Spec.Loading;

/// <summary>The YAML keys of each model type, derived from its properties (used in messages and the doc test).</summary>
public static class ModelKeys
{
    /// <summary>YAML key for a CLR property name (<c>BatchSize</c> → <c>batch-size</c>).</summary>
    public static string KeyOf(string propertyName) => HyphenatedNamingConvention.Instance.Apply(propertyName);

    /// <summary>YAML value for an enum member (<c>OnFailure</c> → <c>on-failure</c>).</summary>
    public static string ValueOf(Enum value) => KeyOf(value.ToString());

    /// <summary>Key → property of a model record.</summary>
    public static IReadOnlyDictionary<string, PropertyInfo> Of(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(p => KeyOf(p.Name), StringComparer.Ordinal);

    /// <summary>Every dotted key of the job model, roles as <c>roles.&lt;name&gt;.key</c>, sweep parameters as <c>sweep.parameters.&lt;name&gt;</c>.</summary>
    public static IReadOnlyList<string> AllPaths()
    {
        var result = new List<string>();
        Collect(typeof(JobSpec), string.Empty, result);
        return result;
    }

    /// <summary>Resolves the model type at a dotted path (dictionary segments are skipped); null if unknown.</summary>
    public static Type? TypeAt(string path)
    {
        Type? t = typeof(JobSpec);
        foreach (var seg in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (t is null)
            {
                return null;
            }

            if (IsDictionary(t))
            {
                t = t.GetGenericArguments()[1];
                continue;
            }

            t = Of(t).TryGetValue(seg, out var p) ? p.PropertyType : null;
        }

        return t;
    }

    internal static bool IsModel(Type t) => t.Namespace == typeof(JobSpec).Namespace && t.IsClass && t != typeof(ParameterSpec);

    internal static bool IsDictionary(Type t) => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Dictionary<,>);

    private static void Collect(Type type, string prefix, List<string> into)
    {
        foreach (var (key, prop) in Of(type).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var path = prefix + key;
            into.Add(path);
            var pt = Nullable.GetUnderlyingType(prop.PropertyType) ?? prop.PropertyType;
            if (IsModel(pt))
            {
                Collect(pt, path + ".", into);
            }
            else if (IsDictionary(pt) && IsModel(pt.GetGenericArguments()[1]))
            {
                Collect(pt.GetGenericArguments()[1], path + ".<name>.", into);
            }
        }
    }
}
