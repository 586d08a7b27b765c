using Microsoft.Extensions.Logging;
using YarnDL.MiniCluster.Model;
using YarnDL.MiniCluster.NodeManager;
using YarnDL.MiniCluster.Tokens;

namespace YarnDL.MiniCluster.ResourceManager;

/// <summary>The RM's state machine: applications, attempts, nodes, the AM launcher. One lock guards it all.</summary>
internal sealed partial class RmCore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, AppRecord> _apps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LaunchSpec> _amLaunch = new(StringComparer.Ordinal);
    private readonly HashSet<string> _issuedIds = new(StringComparer.Ordinal);
    private readonly List<NodeRecord> _nodes = [];
    private readonly ContainerLauncher _launcher;
    private readonly ILogger _log;
    private int _appSeq;
    private DateTimeOffset _configuredMaximumUntil = DateTimeOffset.MinValue;

    public RmCore(MiniClusterOptions options, ContainerLauncher launcher, ILogger log)
    {
        Options = options;
        _launcher = launcher;
        _log = log;
        ClusterTimestamp = options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        AmRmTokens = new AmRmTokenIssuer(options.TimeProvider, options.AmRmTokenRollingInterval, options.AmRmTokenActivationDelay);
    }

    public MiniClusterOptions Options { get; }
    public long ClusterTimestamp { get; }
    public int Epoch { get; private set; }
    public AmRmTokenIssuer AmRmTokens { get; }

    /// <summary>Raised with (attempt id, key id) whenever an allocate response carried a rolled AMRMToken.</summary>
    public event Action<string, int>? AmRmTokenHandedOut;

    internal void OnAmRmTokenHandedOut(string attemptId, int keyId) => AmRmTokenHandedOut?.Invoke(attemptId, keyId);

    /// <summary>Raised (outside the lock) whenever an application changes state.</summary>
    public event Action<string>? AppChanged;

    public long Now => Options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    public void AddNode(NodeRecord node)
    {
        lock (_gate) _nodes.Add(node);
    }

    public T Read<T>(Func<RmView, T> read)
    {
        lock (_gate) return read(new RmView(_apps.Values.ToList(), _nodes, this));
    }

    /// <summary>
    /// True while the RM answers with its configured maximum allocation: for
    /// <see cref="MiniClusterOptions.WorkPreservingRecoverySchedulingWait"/> after a restart, as ClusterNodeTracker does. The
    /// MiniCluster's configured maximum is its largest node for memory and vcores and unbounded (Long.MAX_VALUE) for GPUs.
    /// </summary>
    public bool ReportsConfiguredMaximum
    {
        get
        {
            lock (_gate) return Options.TimeProvider.GetUtcNow() < _configuredMaximumUntil;
        }
    }

    public Resource MaximumAllocation
    {
        get
        {
            lock (_gate)
            {
                var live = _nodes.Where(n => n.State == "RUNNING").ToList();
                return live.Count == 0 ? Resource.Zero : new Resource(
                    live.Max(n => n.Total.MemoryMb), live.Max(n => n.Total.VCores), live.Max(n => n.Total.Gpus));
            }
        }
    }

    public string NewApplicationId()
    {
        lock (_gate)
        {
            var id = YarnIds.App(ClusterTimestamp, ++_appSeq);
            _issuedIds.Add(id);
            return id;
        }
    }

    /// <summary>Returns true when accepted now, false when the same id was already submitted (idempotent).</summary>
    public bool Submit(Submission s, string user)
    {
        if (!YarnIds.TryParseApp(s.ApplicationId, out var ts, out var seq))
            throw RmRequestException.BadRequest($"Could not parse application id {s.ApplicationId}");
        if (!Options.Queues.ContainsKey(s.Queue))
            throw RmRequestException.BadRequest($"org.apache.hadoop.yarn.exceptions.YarnException: Failed to submit {s.ApplicationId} to YARN : Application {s.ApplicationId} submitted by user {user} to unknown queue: {s.Queue}");
        var max = MaximumAllocation;
        if (s.AmResource.IsNegative)
            throw RmRequestException.BadRequest($"Invalid resource request, requested resource type=[memory-mb] < 0 or greater than maximum allowed allocation. Requested resource={Describe(s.AmResource)}, maximum allowed allocation={Describe(max)}");
        if (s.AmResource.MemoryMb > max.MemoryMb || s.AmResource.VCores > max.VCores)
            throw RmRequestException.BadRequest($"Invalid resource request, requested resource type=[memory-mb] < 0 or greater than maximum allowed allocation. Requested resource={Describe(s.AmResource)}, maximum allowed allocation={Describe(max)}");

        foreach (var label in new[] { s.AppLabel, s.AmLabel ?? "" }.Where(l => l.Length > 0 && !Options.NodeLabels.Values.Contains(l)))
            throw RmRequestException.BadRequest($"org.apache.hadoop.yarn.exceptions.InvalidLabelResourceRequestException: Invalid label resource request, cluster do not contain , label= {label}");

        lock (_gate)
        {
            if (_apps.TryGetValue(s.ApplicationId, out var existing))
            {
                // ClientRMService answers a resubmission of a known id with success, ignoring the new context.
                return false;
            }

            if (ts != ClusterTimestamp || !_issuedIds.Contains(s.ApplicationId))
                throw RmRequestException.BadRequest($"org.apache.hadoop.yarn.exceptions.YarnException: Failed to submit {s.ApplicationId} to YARN : application id {s.ApplicationId} was not issued by this ResourceManager");

            var app = new AppRecord
            {
                LogAggregationStatus = Options.LogAggregation ? "NOT_START" : "DISABLED",
                Id = s.ApplicationId, Sequence = seq, User = user, Name = s.Name, Queue = s.Queue,
                ApplicationType = s.ApplicationType.Length > 20 ? s.ApplicationType[..20] : s.ApplicationType,
                Tags = s.Tags, Priority = s.Priority < 0 ? 0 : s.Priority,
                AmResource = s.AmResource.Normalize(Options.MinAllocationMb, Options.MinAllocationVCores),
                MaxAttempts = s.MaxAttempts <= 0 || s.MaxAttempts > Options.MaxAppAttempts ? Options.MaxAppAttempts : s.MaxAttempts,
                KeepContainers = s.KeepContainers, UnmanagedAm = s.UnmanagedAm, AmContainerSpec = s.AmContainerSpec,
                SubmitTime = Now, SubmissionJson = s.RawJson, AppLabel = s.AppLabel, AmLabel = s.AmLabel ?? s.AppLabel,
            };
            _apps[app.Id] = app;
            _amLaunch[app.Id] = s.Launch;
            StartAttemptLocked(app);
        }

        Notify(s.ApplicationId);
        Schedule();
        return true;
    }

    private static string Describe(Resource r) => $"<memory:{r.MemoryMb}, vCores:{r.VCores}, yarn.io/gpu: {r.Gpus}>";

    private void StartAttemptLocked(AppRecord app)
    {
        var n = app.Attempts.Count + 1;
        app.Attempts.Add(new AttemptRecord { Number = n, Id = YarnIds.Attempt(ClusterTimestamp, app.Sequence, n), StartTime = Now });
        app.State = AppStates.Accepted;
    }

    private void Notify(string appId) => AppChanged?.Invoke(appId);

    internal AppRecord GetAppLocked(string appId) =>
        _apps.TryGetValue(appId, out var app) ? app : throw RmRequestException.NotFound($"app with id: {appId} not found");
}
