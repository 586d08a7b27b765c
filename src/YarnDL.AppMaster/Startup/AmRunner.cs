using System.Net;
using Microsoft.Extensions.Logging;
using YarnDL.AppMaster.Job;
using YarnDL.AppMaster.Launch;
using YarnDL.AppMaster.Rm;
using YarnDL.AppMaster.State;
using YarnDL.AppMaster.Trials;
using YarnDL.AppMaster.Web;
using YarnDL.Spec.Loading;
using YarnDL.Spec.Plan;
using YarnDL.TaskProtocol;

namespace YarnDL.AppMaster.Startup;

/// <summary>Composes the AM: plan, web server, RM client, driver; re-adopts the previous attempt's containers; runs to the end.</summary>
internal static class AmRunner
{
    public static async Task<JobVerdict> RunAsync(
        AmEnvironment env,
        Func<AmEnvironment, YarnSite, RmBindings> bindings,
        TimeProvider time,
        ILoggerFactory logs,
        TextWriter progress,
        CancellationToken ct,
        DriverOptions? driverOptions = null) =>
        await RunAsync(JobPlan.From(JobSpecLoader.LoadFile(env.PlanFile)), env, bindings, time, logs, progress, ct, driverOptions);

    /// <summary>Runs <paramref name="plan"/> (already read from the job file).</summary>
    public static async Task<JobVerdict> RunAsync(
        JobPlan plan,
        AmEnvironment env,
        Func<AmEnvironment, YarnSite, RmBindings> bindings,
        TimeProvider time,
        ILoggerFactory logs,
        TextWriter progress,
        CancellationToken ct,
        DriverOptions? driverOptions = null)
    {
        progress.WriteLine($"job: {plan.Name}: {plan.Trials.Count} cluster(s), {plan.Trials.Sum(c => c.TaskCount)} task(s)");
        var options = driverOptions ?? new DriverOptions();
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new StartupException(problems);
        }

        var site = env.HadoopConfDir is { } conf && File.Exists(Path.Combine(conf, "yarn-site.xml"))
            ? YarnSite.Load(Path.Combine(conf, "yarn-site.xml"))
            : new YarnSite(new Dictionary<string, string>());
        var transport = bindings(env, site);
        var state = new AmState(plan, env.User) { ApplicationId = env.Attempt.ApplicationId, Attempt = env.Attempt.AttemptNumber };
        var store = StateFiles.For(env, Site(env, "hdfs-site.xml"), Site(env, "core-site.xml")) is { } files ? new AmStateStore(files, logs.CreateLogger<AmStateStore>()) : null;
        var secret = store is null ? SecretCheck.CreateRandom() : await store.LoadOrCreateSecretAsync(ct);
        var bind = await BindAddressAsync(env.NmHost, ct);
        await using var web = await AmWebServer.StartAsync(bind, env.NmHost, state, secret, time, TaskApi.RegisterLongPoll, logs, ct);
        progress.WriteLine($"tracking: {web.BaseUrl}");
        if (store is not null)
        {
            await store.PublishAmUrlAsync(web.BaseUrl, ct);
        }

        var rm = new AmRmClient(transport.ResourceManager, time, logs.CreateLogger<AmRmClient>());
        var launch = new LaunchSettings
        {
            AmUrl = web.BaseUrl,
            Secret = secret.Value,
            AmUrlFile = store?.AmUrlFile,
            WebHdfsUrl = env.WebHdfsUrl,
            Runtime = env.Runtime,
            TrainerCommand = env.TrainerCommand,
            TrainerBundle = env.TrainerBundle,
        };
        var driver = new AmDriver(state, rm, transport.NodeManagers(rm), launch, options, time, logs.CreateLogger<AmDriver>())
        {
            ProgressOut = progress,
            Store = store,
        };

        var registration = await rm.RegisterAsync(env.NmHost, 0, web.BaseUrl.ToString(), ct);
        if (CapacityCheck.Check(plan, rm.Maximum) is { } impossible)
        {
            await driver.AbortAsync(impossible, ct);
            progress.WriteLine($"final: FAILED: {impossible.Diagnostics}");
            return impossible;
        }

        if (env.Attempt.AttemptNumber > 1 && store is not null && await store.LoadAsync(ct) is { } saved)
        {
            AmStateStore.Restore(state, saved);
            await driver.AdoptAsync(registration.ContainersFromPreviousAttempts, ct);
        }

        var verdict = await driver.RunAsync(ct);
        progress.WriteLine($"final: {(verdict.Succeeded ? "SUCCEEDED" : "FAILED")}: {verdict.Diagnostics}");
        return verdict;
    }

    private static Func<string, string?> Site(AmEnvironment env, string name)
    {
        var file = env.HadoopConfDir is { } conf ? Path.Combine(conf, name) : null;
        var site = file is not null && File.Exists(file) ? YarnSite.Load(file) : null;
        return name => site?.Get(name);
    }

    private static async Task<IPAddress> BindAddressAsync(string host, CancellationToken ct)
    {
        if (IPAddress.TryParse(host, out var ip))
        {
            return ip;
        }

        var addresses = await Dns.GetHostAddressesAsync(host, ct);
        return addresses.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) ?? IPAddress.Loopback;
    }
}
