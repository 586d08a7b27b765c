using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using YarnDL.MiniCluster.Conf;
using YarnDL.MiniCluster.Model;
using YarnDL.MiniCluster.NodeManager;
using YarnDL.MiniCluster.ResourceManager;
using YarnDL.MiniCluster.ResourceManager.AmProtocol;
using YarnDL.MiniCluster.Rest;
using YarnDL.MiniCluster.WebHdfs;

namespace YarnDL.MiniCluster;

/// <summary>A local ResourceManager (REST) and NodeManagers that launch containers as process groups.</summary>
public sealed partial class MiniYarnCluster : IAsyncDisposable
{
    private readonly List<WebApplication> _webApps = [];
    private readonly List<Hadoop.HadoopRpcServer> _rpcServers = [];
    private readonly List<RmFront> _fronts = [];
    private readonly bool _ownsWorkDir;
    private volatile string _activeRm = "rm1";

    private MiniYarnCluster(MiniClusterOptions options, string workDir, bool ownsWorkDir, ILoggerFactory loggers)
    {
        Options = options;
        WorkDir = workDir;
        _ownsWorkDir = ownsWorkDir;
        ConfDir = Path.Combine(workDir, "conf");
        HdfsRoot = Path.Combine(workDir, "hdfs");
        var launcher = new ContainerLauncher(options, HdfsRoot, ConfDir);
        Rm = new RmCore(options, launcher, loggers.CreateLogger("YarnDL.MiniCluster.ResourceManager"));
        AmService = new AmService(Rm);
        _keys = new Ipc.RpcKeys();
    }

    private readonly Ipc.RpcKeys _keys;
    private readonly Dictionary<string, Hadoop.HadoopRpcServer> _schedulerServers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _schedulerAddresses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Hadoop.HadoopRpcServer> _nmServers = new(StringComparer.Ordinal);
    private Ipc.NmRpcService? _nmRpc;

    public MiniClusterOptions Options { get; }
    public string WorkDir { get; }

    /// <summary>HADOOP_CONF_DIR for clients and AMs (yarn-site.xml, resource-types.xml, core-site.xml).</summary>
    public string ConfDir { get; }

    /// <summary>Local directory that hdfs:// and webhdfs:// resource paths resolve to.</summary>
    public string HdfsRoot { get; }

    /// <summary>The active RM's REST base, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri RmRestUri => new(_fronts.First(f => f.IsActive).BaseUri);

    /// <summary>Every RM's REST base in rm-id order (two with HA).</summary>
    public IReadOnlyList<Uri> RmRestUris => _fronts.Select(f => new Uri(f.BaseUri)).ToList();

    /// <summary>The active RM's <c>yarn.resourcemanager.scheduler.address</c> (ApplicationMasterProtocolPB over Hadoop IPC, AMRMToken auth).</summary>
    public string SchedulerAddress => _schedulerAddresses.GetValueOrDefault(_activeRm, "");

    /// <summary>Every RM's scheduler address by rm-id (two distinct ones with HA).</summary>
    public IReadOnlyDictionary<string, string> SchedulerAddresses => _schedulerAddresses;

    public IReadOnlyList<MiniNodeInfo> Nodes { get; private set; } = [];

    /// <summary>The imitated NameNode's WebHDFS base (<c>http://127.0.0.1:port/</c>), also its RPC address in redirects and
    /// 201 Locations (the imitation has no RPC); paths live under <see cref="HdfsRoot"/>.</summary>
    public Uri WebHdfsUri { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The imitated DataNode's HTTP address, where CREATE and OPEN are redirected.</summary>
    public Uri WebHdfsDataNodeUri { get; private set; } = new("http://127.0.0.1/");

    internal RmCore Rm { get; }

    /// <summary>ApplicationMasterProtocol semantics the scheduler-port IPC service delegates to.</summary>
    internal AmService AmService { get; }

    public static async Task<MiniYarnCluster> StartAsync(MiniClusterOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var owns = options.WorkDir is null;
        var workDir = options.WorkDir ?? Directory.CreateTempSubdirectory("yarndl-minicluster-").FullName;
        Directory.CreateDirectory(workDir);
        var cluster = new MiniYarnCluster(options, Path.GetFullPath(workDir), owns, loggerFactory ?? NullLoggerFactory.Instance);
        try
        {
            await cluster.StartCoreAsync(cancellationToken).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task StartCoreAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(HdfsRoot);
        // One scheduler address per RM (distinct with HA); only the active RM listens on its own, as a standby RM runs no
        // ApplicationMasterService (it is one of the RM's active services): the standby's address refuses connections.
        foreach (var id in Options.HighAvailability ? new[] { "rm1", "rm2" } : ["rm1"])
        {
            _schedulerAddresses[id] = $"127.0.0.1:{StartScheduler(id, port: 0)}";
            if (id != _activeRm)
            {
                StopScheduler(id);
            }
        }

        _nmRpc = new Ipc.NmRpcService(Rm, _keys);
        var nodes = new List<MiniNodeInfo>();
        for (var i = 0; i < Options.Nodes; i++)
        {
            nodes.Add(await StartNodeAsync(i, ct).ConfigureAwait(false));
        }

        Nodes = nodes;
        var ids = Options.HighAvailability ? new[] { "rm1", "rm2" } : ["rm1"];
        foreach (var id in ids)
        {
            var front = new RmFront(id, rmId => rmId == _activeRm, () => _fronts.First(f => f.RmId == _activeRm).BaseUri);
            _fronts.Add(front);
            front.BaseUri = await StartRmWebAsync(front, id == "rm1" ? Options.RmPort : 0, ct).ConfigureAwait(false);
        }

        var hdfsOptions = new WebHdfs.WebHdfsOptions
        {
            HomeUsers = Options.HdfsHomeUsers ?? [Environment.UserName, "alice", "bob"],
            CreateLatency = Options.WebHdfsCreateLatency,
        };
        var fs = new WebHdfs.HdfsNamespace(HdfsRoot, new WebHdfs.HdfsPermissions(hdfsOptions.Superuser), hdfsOptions.HomeUsers);
        WebHdfsDataNodeUri = new Uri(await StartWebAsync(0, web => new WebHdfs.WebHdfsDataNode(fs, hdfsOptions).Map(web), ct, WebHdfs.DataNodeInterimContinue.Middleware).ConfigureAwait(false));
        WebHdfsUri = new Uri(await StartWebAsync(0, web => new WebHdfs.WebHdfsNameNode(fs, hdfsOptions, () => WebHdfsDataNodeUri.Authority, () => WebHdfsUri.Authority).Map(web), ct).ConfigureAwait(false));
        ConfDirWriter.Write(ConfDir, YarnSite(), $"webhdfs://{WebHdfsUri.Authority}", Options.RpcProtection);
    }

    /// <summary>
    /// Starts one more NodeManager, sized and configured as the others, which registers with the RM as a node joining the
    /// cluster for the first time: the scheduler places containers on it and every running AM hears of it in
    /// updated_nodes (RUNNING, NODE_USABLE), as Hadoop's RM tells them of a new node.
    /// </summary>
    public async Task<MiniNodeInfo> AddNodeAsync(CancellationToken cancellationToken = default)
    {
        var node = await StartNodeAsync(Nodes.Count, cancellationToken).ConfigureAwait(false);
        Nodes = [.. Nodes, node];
        return node;
    }

    /// <summary>NodeManager <paramref name="i"/>: its RPC server, its web server, its directories, and its registration with the RM.</summary>
    private async Task<MiniNodeInfo> StartNodeAsync(int i, CancellationToken ct)
    {
        NodeRecord? record = null;
        var nmServer = _nmRpc!.CreateServer(() => record!.NodeId, Options.RpcProtection);
        var rpcPort = StartRpc(nmServer);
        var nmWeb = await StartWebAsync(0, web => NmWebApi.Map(web, Rm, () => record!), ct).ConfigureAwait(false);
        var nm = record = new NodeRecord
        {
            Host = "127.0.0.1", RpcPort = rpcPort, HttpPort = new Uri(nmWeb).Port,
            Total = new Resource(Options.MemoryMbPerNode, Options.VCoresPerNode, Options.GpusPerNode),
            LocalDir = Path.Combine(WorkDir, $"nm{i}", "local"), LogDir = Path.Combine(WorkDir, $"nm{i}", "logs"),
            LastHealthUpdate = Rm.Now, Label = Options.NodeLabels.GetValueOrDefault(i, ""),
            Attributes = [.. NodeAttributesConfig.ParseConfigured(Options.NodeAttributes.GetValueOrDefault(i)),
                .. NodeAttributesConfig.ParseCentralized(Options.CentralizedNodeAttributes.GetValueOrDefault(i))],
        };
        Directory.CreateDirectory(nm.LocalDir);
        Directory.CreateDirectory(nm.LogDir);
        Rm.AddNode(nm);
        _nmServers[nm.NodeId] = nmServer;
        return new MiniNodeInfo(nm.NodeId, nm.Host, nm.RpcPort, nm.HttpPort, nm.Total.Gpus, nm.LogDir);
    }

    private Task<string> StartRmWebAsync(RmFront front, int port, CancellationToken ct) => StartWebAsync(port, web =>
    {
        web.Use((ctx, next) => RestMiddleware.InvokeAsync(ctx, () => next(ctx), Options, front));
        RmRestApi.Map(web, Rm, front);
        FaultsApi.Map(web, Rm, Failover, RestartRm, RestartNodeManager);
    }, ct);

    /// <summary>A Kestrel app on 127.0.0.1:<paramref name="port"/>; returns its base URL with a trailing slash.</summary>
    private async Task<string> StartWebAsync(int port, Action<WebApplication> map, CancellationToken ct, Func<Microsoft.AspNetCore.Connections.ConnectionDelegate, Microsoft.AspNetCore.Connections.ConnectionDelegate>? connections = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "YarnDL.MiniCluster" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, listen =>
        {
            if (connections is not null)
            {
                listen.Use(connections);
            }
        }));
        var web = builder.Build();
        map(web);
        _webApps.Add(web);
        await web.StartAsync(ct).ConfigureAwait(false);
        return web.Urls.First().TrimEnd('/') + "/";
    }

    private Dictionary<string, string> YarnSite()
    {
        var site = new Dictionary<string, string>
        {
            ["yarn.resourcemanager.scheduler.address"] = SchedulerAddress,
            ["yarn.resourcemanager.webapp.address"] = RmRestUri.Authority,
            ["yarn.resourcemanager.ha.enabled"] = Options.HighAvailability ? "true" : "false",
            ["yarn.acl.enable"] = Options.AclEnabled ? "true" : "false",
            ["yarn.admin.acl"] = Options.AdminAcl,
            ["yarn.resourcemanager.placement-constraints.handler"] = Options.PlacementConstraintsHandler,
            ["yarn.resourcemanager.am.max-attempts"] = Options.MaxAppAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["yarn.scheduler.minimum-allocation-mb"] = Options.MinAllocationMb.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["yarn.scheduler.maximum-allocation-mb"] = Options.MemoryMbPerNode.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["yarn.log-aggregation-enable"] = Options.LogAggregation ? "true" : "false",
            ["yarn.nodemanager.remote-app-log-dir"] = Options.RemoteAppLogDir,
        };
        if (Options.HighAvailability)
        {
            site["yarn.resourcemanager.ha.rm-ids"] = string.Join(',', _fronts.Select(f => f.RmId));
            foreach (var f in _fronts)
            {
                site[$"yarn.resourcemanager.webapp.address.{f.RmId}"] = new Uri(f.BaseUri).Authority;
                site[$"yarn.resourcemanager.scheduler.address.{f.RmId}"] = _schedulerAddresses[f.RmId];
            }
        }

        return site;
    }

    /// <summary>Starts RM <paramref name="id"/>'s ApplicationMasterService on <paramref name="port"/>; returns the port.</summary>
    private int StartScheduler(string id, int port)
    {
        var server = new Ipc.AmRpcService(Rm, AmService, _keys, () => _activeRm == id, id).CreateServer(Options.RpcProtection, port);
        _schedulerServers[id] = server;
        return StartRpc(server);
    }

    /// <summary>Stops RM <paramref name="id"/>'s ApplicationMasterService: its connections close and its address refuses new ones.</summary>
    private void StopScheduler(string id)
    {
        if (_schedulerServers.Remove(id, out var server))
        {
            lock (_rpcServers)
            {
                _rpcServers.Remove(server);
            }

            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private int StartRpc(Hadoop.HadoopRpcServer server)
    {
        lock (_rpcServers)
        {
            _rpcServers.Add(server);
        }

        return server.Start().Port;
    }

    public async ValueTask DisposeAsync()
    {
        await Rm.KillAllAsync().ConfigureAwait(false);
        Rm.AmRmTokens.Dispose();
        foreach (var web in _webApps) await web.DisposeAsync().ConfigureAwait(false);
        Hadoop.HadoopRpcServer[] servers;
        lock (_rpcServers)
        {
            servers = [.. _rpcServers];
        }

        foreach (var s in servers) await s.DisposeAsync().ConfigureAwait(false);
        if (_ownsWorkDir)
        {
            try { Directory.Delete(WorkDir, recursive: true); }
            catch (IOException) { /* a container may still hold a file; the temp dir is left behind */ }
        }
    }
}
