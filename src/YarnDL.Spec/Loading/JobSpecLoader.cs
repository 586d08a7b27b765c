using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
using YarnDL.Spec.Model;
using YarnDL.Spec.Validation;

namespace YarnDL.Spec.Loading;

/// <summary>Strict job.yaml loading: YAML → typed model → semantic validation, every error located.</summary>
public static class JobSpecLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(HyphenatedNamingConvention.Instance)
        .WithEnumNamingConvention(HyphenatedNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .WithEnforceRequiredMembers()
        .WithEnforceNullability()
        .WithTypeConverter(new UnitConverters())
        .WithTypeConverter(new ParameterConverter())
        .Build();

    /// <summary>Loads and validates a file; throws <see cref="JobSpecException"/> naming the file.</summary>
    public static JobSpec LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JobSpecException(path, 1, 1, string.Empty, $"cannot read the job file: {e.Message}");
        }

        return Load(text, path);
    }

    /// <summary>Loads and validates YAML text; <paramref name="fileName"/> is used in messages only.</summary>
    public static JobSpec Load(string yaml, string fileName = AmEnv.JobFileName)
    {
        var map = Parse(yaml, fileName);
        JobSpec? spec;
        try
        {
            spec = Deserializer.Deserialize<JobSpec?>(yaml);
        }
        catch (YamlException e)
        {
            throw YamlErrorTranslator.Translate(e, fileName, map);
        }

        if (spec is null)
        {
            throw new JobSpecException(fileName, 1, 1, string.Empty, "the job file is empty (a mapping with at least 'name' and 'roles' is required)");
        }

        JobSpecValidator.Validate(spec, fileName, map);
        return spec;
    }

    private static SourceMap Parse(string yaml, string fileName)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            var root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
            if (root is not null and not YamlMappingNode)
            {
                throw new JobSpecException(fileName, (int)root.Start.Line, (int)root.Start.Column, string.Empty, "the job file must be a mapping of keys (name, roles, ...)");
            }

            return SourceMap.Build(root);
        }
        catch (YamlException e)
        {
            if (e.Message.StartsWith("Duplicate key", StringComparison.OrdinalIgnoreCase))
            {
                var key = e.Message.Split(' ')[^1];
                throw new JobSpecException(fileName, (int)e.Start.Line, (int)e.Start.Column, key, $"duplicate key '{key}'");
            }

            var msg = e.Message.Split(": ", 2) is [_, var rest] && e.Message.StartsWith('(') ? rest : e.Message;
            throw new JobSpecException(fileName, (int)e.Start.Line, (int)e.Start.Column, string.Empty, "YAML syntax error: " + msg.TrimEnd('.'));
        }
    }
}
