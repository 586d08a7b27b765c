using YarnDL.Admin.Config;

namespace YarnDL.Admin.Checks;

/// <summary>Loads the files of a Hadoop configuration directory, turning unreadable ones into findings.</summary>
internal sealed class ConfigLoader
{
    private readonly List<Finding> _problems = [];

    public IReadOnlyList<Finding> Problems => _problems;

    public ConfigSet? Load(string confDir, string? containerExecutorPath)
    {
        var yarnSite = Optional(Path.Combine(confDir, ConfigFileNames.YarnSite), HadoopConfigParser.ParseFile, required: true);
        var resourceTypes = Optional(Path.Combine(confDir, ConfigFileNames.ResourceTypes), HadoopConfigParser.ParseFile);
        var capacity = Optional(Path.Combine(confDir, ConfigFileNames.CapacityScheduler), HadoopConfigParser.ParseFile);
        var nodeResources = Optional(Path.Combine(confDir, ConfigFileNames.NodeResources), HadoopConfigParser.ParseFile);
        var cfgPath = containerExecutorPath ?? Path.Combine(confDir, ConfigFileNames.ContainerExecutor);
        var executor = Optional(cfgPath, ContainerExecutorConfigParser.ParseFile, required: containerExecutorPath is not null);
        if (yarnSite is null)
        {
            return null;
        }

        var set = new ConfigSet { YarnSite = yarnSite, ResourceTypes = resourceTypes, CapacityScheduler = capacity, NodeResources = nodeResources, ContainerExecutor = executor };
        if (!set.UsesFairScheduler)
        {
            return set;
        }

        string allocation = yarnSite.Get("yarn.scheduler.fair.allocation.file") ?? ConfigFileNames.FairScheduler;
        // Hadoop looks a relative name up on the classpath (the conf dir); an absolute path from another machine
        // is looked for beside yarn-site.xml too, so a copied conf dir can be checked.
        string allocationPath = Path.Combine(confDir, allocation);
        if (!File.Exists(allocationPath))
        {
            allocationPath = Path.Combine(confDir, Path.GetFileName(allocation));
        }

        var fair = Optional(allocationPath, FairAllocationParser.ParseFile);
        return new ConfigSet
        {
            YarnSite = yarnSite, ResourceTypes = resourceTypes, CapacityScheduler = capacity, NodeResources = nodeResources, ContainerExecutor = executor, FairAllocation = fair,
        };
    }

    private T? Optional<T>(string path, Func<string, T> parse, bool required = false)
        where T : class
    {
        if (!File.Exists(path))
        {
            if (required)
            {
                _problems.Add(new Finding(Severity.Error, path, 0, Path.GetFileName(path), "file not found",
                    "pass the directory that holds yarn-site.xml (usually $HADOOP_CONF_DIR) or an existing file", RuleIds.MissingFile));
            }

            return null;
        }

        try
        {
            return parse(path);
        }
        catch (ConfigParseException e)
        {
            _problems.Add(new Finding(Severity.Error, path, e.Line, Path.GetFileName(path), e.Message,
                "fix the file so Hadoop can parse it (the daemons refuse to start otherwise)", RuleIds.MalformedFile, e.Column));
            return null;
        }
    }
}
