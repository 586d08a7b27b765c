using System.CommandLine;
using System.Text.Json;
using YarnDL.Cli.Hosting;
using YarnDL.Cli.Local;
using YarnDL.Cli.Output;
using YarnDL.Client.Submit;
using YarnDL.Spec.Loading;
using YarnDL.Spec.Model;
using YarnDL.Yarn.Rest;
using YarnDL.Yarn.Rest.Configuration;
using YarnDL.WebHdfs;

namespace YarnDL.Cli.Commands;

/// <summary><c>yarndl submit job.yaml [--wait] [--local] [--queue Q] [--am-mode M] [--webhdfs URL --default-fs URI]</c>.</summary>
internal static class SubmitCommand
{
    /// <summary>Name, aliases, description and arguments, without options or action: what the root's help lists (CliApp builds only the verb it runs).</summary>
    public static Command Declare() => new("submit", "Submit a job") { new Argument<string>("job") { Description = "Job spec (job.yaml)" } };

    public static Command Create(CommonOptions common, CliServices services)
    {
        var wait = new Option<bool>("--wait", "-w") { Description = "Wait for the end; exit 0 only if the job succeeded" };
        var local = new Option<bool>("--local") { Description = "Run on a local MiniCluster sized to this machine (implies --wait)" };
        var queue = new Option<string?>("--queue", "-q") { Description = "YARN queue (overrides the spec)" };
        var amMode = new Option<AmMode?>("--am-mode") { Description = "AM packaging: image, upload or local (overrides am.mode)" };
        var webHdfs = new Option<string?>("--webhdfs") { Description = "NameNode web URL for staging (default: $YARNDL_WEBHDFS, else the NameNodes of fs.defaultFS in $HADOOP_CONF_DIR)" };
        var defaultFs = new Option<string?>("--default-fs") { Description = "File system to stage on, e.g. hdfs://nameservice1 (default: $YARNDL_DEFAULT_FS, else fs.defaultFS from $HADOOP_CONF_DIR/core-site.xml; file:/// or none stages locally)" };
        var bundle = new Option<string?>("--am-bundle") { Description = "AM bundle (.tgz/.zip) for --am-mode upload" };
        var amDll = new Option<string?>("--am-dll") { Description = "Path of YarnDL.AppMaster.dll for --am-mode local (default: the one in am/ beside yarndl)" };
        var trainerCommand = new Option<string?>("--trainer-command") { Description = "Command starting the trainer in task containers (default: the trainer shipped beside yarndl in local and upload mode, yarndl-trainer from the image's PATH in image mode)" };
        var command = Declare().WithOptions(wait, local, queue, amMode, webHdfs, defaultFs, bundle, amDll, trainerCommand, common.Json);
        var job = (Argument<string>)command.Arguments[0];
        common.AddClusterOptions(command);
        CommandRunner.SetAction(command, common, async (r, o, ct) =>
        {
            var path = r.GetValue(job)!;
            var spec = JobSpecLoader.LoadFile(path);
            var yaml = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
            var user = common.UserOf(r, services);
            var options = new SubmitOptions
            {
                User = user,
                SpecFile = path,
                Queue = r.GetValue(queue),
                AmMode = r.GetValue(amMode),
                AmBundle = r.GetValue(bundle),
                LocalAmDll = r.GetValue(amDll) is { } dll ? Path.GetFullPath(dll) : null,
                TrainerCommand = r.GetValue(trainerCommand),
            };
            if (options.TrainerCommand is null && options.LocalAmDll is { } localAm && TrainerBeside(localAm) is { } trainerDll)
            {
                // A local AM (am/ of this build) runs tasks with the trainer of the same build (trainer/ beside it):
                // it trains, and it launches the programs of command: roles.
                options = options with { TrainerCommand = $"dotnet {trainerDll}" };
            }

            if (r.GetValue(local))
            {
                var launcher = services.LocalLauncher
                    ?? throw new FormatException("--local needs the MiniCluster, which this build of yarndl does not include");
                await using var cluster = await launcher.StartAsync(ct).ConfigureAwait(false);
                options = options with { AmMode = AmMode.Local, LocalAmDll = cluster.AppMasterDll, TrainerCommand = options.TrainerCommand ?? cluster.TrainerCommand };
                var rmLocal = services.RmClientFactory(common.RmOptions(r, services, cluster.RmEndpoint.AbsoluteUri));
                return await SubmitAsync(rmLocal, new LocalStager(cluster.StagingRoot), spec, yaml, options, true, r.GetValue(common.Json), services, o, r.InvocationConfiguration.Error, ct, clusterStays: false).ConfigureAwait(false);
            }

            options = WithBundledApps(options, options.AmMode ?? spec.Am.Mode, services);
            var rm = services.RmClientFactory(common.RmOptions(r, services));
            var stager = Stager(r.GetValue(webHdfs) ?? services.GetEnv("YARNDL_WEBHDFS"), r.GetValue(defaultFs) ?? services.GetEnv("YARNDL_DEFAULT_FS"), user, services);
            return await SubmitAsync(rm, stager, spec, yaml, options, r.GetValue(wait), r.GetValue(common.Json), services, o, r.InvocationConfiguration.Error, ct).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary><c>trainer/YarnDL.Trainer.dll</c> beside the folder of a local AM dll (the layout of this build and of
    /// the tool package), or null.</summary>
    private static string? TrainerBeside(string amDll)
    {
        var folder = Path.GetDirectoryName(Path.GetDirectoryName(amDll));
        var trainer = folder is null ? null : Path.Combine(folder, "trainer", "YarnDL.Trainer.dll");
        return File.Exists(trainer) ? trainer : null;
    }

    /// <summary>Local mode runs the AM and trainer shipped beside yarndl by absolute path (the nodes share this file
    /// system, as with <c>yarndl minicluster</c>); upload mode ships them to the cluster. Flags override either.</summary>
    private static SubmitOptions WithBundledApps(SubmitOptions options, AmMode mode, CliServices services)
    {
        switch (mode)
        {
            case AmMode.Local when options.LocalAmDll is null || options.TrainerCommand is null:
                var local = BundledApps.At(services.BaseDirectory).EnsureExists();
                return options with { LocalAmDll = options.LocalAmDll ?? local.AmDll, TrainerCommand = options.TrainerCommand ?? local.TrainerCommand };
            case AmMode.Upload when options.AmBundle is null:
                var upload = BundledApps.At(services.BaseDirectory).EnsureExists();
                return options with { AmDirectory = upload.AmDirectory, TrainerDirectory = upload.TrainerDirectory };
            default:
                return options;
        }
    }

    private static IJobStager Stager(string? webHdfs, string? defaultFs, string user, CliServices services) =>
        StagingChoice.Choose(webHdfs is null ? null : RmEndpointResolver.ParseUrl(webHdfs), defaultFs, user, services.GetEnv, services.HttpClientFactory, services.LocalStagingRoot);

    private static async Task<int> SubmitAsync(IRmRestClient rm, IJobStager stager, JobSpec spec, byte[] yaml, SubmitOptions options,
        bool wait, bool json, CliServices services, TextWriter o, TextWriter err, CancellationToken ct, bool clusterStays = true)
    {
        var result = await new JobSubmitter(rm, stager).SubmitAsync(spec, yaml, options, ct).ConfigureAwait(false);
        foreach (var warning in result.Warnings)
        {
            await err.WriteLineAsync("warning: preflight: " + warning).ConfigureAwait(false);
        }

        if (!json)
        {
            await o.WriteLineAsync($"submitted {result.ApplicationId}").ConfigureAwait(false);
            if (clusterStays)
            {
                await o.WriteLineAsync($"tracking  {new Uri(result.RmEndpoint, "cluster/app/" + result.ApplicationId)}").ConfigureAwait(false);
                await o.WriteLineAsync($"staged    {stager.StagingDir(result.ApplicationId)} (the AM deletes it when the application ends)").ConfigureAwait(false);
            }
        }

        if (!wait)
        {
            if (json)
            {
                await o.WriteLineAsync(JsonSerializer.Serialize(new SubmitJson(result.ApplicationId, result.RmEndpoint.AbsoluteUri, null, null), CliJsonContext.Default.SubmitJson)).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }

        return await WaitCommand.WaitAndReportAsync(rm, result.ApplicationId, services, json, o, err, ct, clusterStays).ConfigureAwait(false);
    }
}
