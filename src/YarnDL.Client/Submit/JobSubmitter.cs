using YarnDL.Spec;
using YarnDL.Spec.Loading;
using YarnDL.Spec.Model;
using YarnDL.Yarn.Rest;
using YarnDL.Yarn.Rest.Submission;

namespace YarnDL.Client.Submit;

/// <summary>Submit use case: preflight → new-application → stage job.yaml (and the AM bundle) → submit once.</summary>
public sealed class JobSubmitter(IRmRestClient rm, IJobStager stager)
{
    /// <summary>Submits <paramref name="spec"/>; <paramref name="jobYaml"/> is the file's exact bytes (what the AM reads).</summary>
    public async Task<SubmitResult> SubmitAsync(JobSpec spec, byte[] jobYaml, SubmitOptions options, CancellationToken ct = default)
    {
        var mode = options.AmMode ?? spec.Am.Mode;
        var app = await rm.NewApplicationAsync(ct).ConfigureAwait(false);
        var queue = options.Queue ?? spec.Queue;
        var queues = queue is null ? null : await Preflight.TryGetQueuesAsync(rm, ct).ConfigureAwait(false);
        var locator = options.SpecFile is { } file ? SpecLocator.For(System.Text.Encoding.UTF8.GetString(jobYaml), file) : null;
        var capacity = await ClusterCapacity.TryGetAsync(rm, ct).ConfigureAwait(false);
        var nodes = await ClusterNodes.TryGetAsync(rm, ct).ConfigureAwait(false);
        var placement = NodeAttributePreflight.Check(spec, nodes, locator);
        var problems = Preflight.Check(spec, app.MaximumResourceCapability, queues, queue, locator)
            .Concat(placement.Problems)
            .Concat(Preflight.CheckCapacity(spec, capacity, locator, nodes))
            .Concat(ContainerPacking.Check(spec, nodes, locator)).ToList();
        if (problems.Count > 0)
        {
            throw new PreflightException(problems);
        }

        var resources = new Dictionary<string, LocalResource>(StringComparer.Ordinal)
        {
            [AmEnv.JobFileName] = await stager.StageAsync(app.ApplicationId, AmEnv.JobFileName, jobYaml, "FILE", ct).ConfigureAwait(false),
        };
        if (mode == AmMode.Upload && options.AmBundle is { } bundle)
        {
            var bytes = await File.ReadAllBytesAsync(bundle, ct).ConfigureAwait(false);
            resources[SubmissionBuilder.BundleLink] = await stager.StageAsync(app.ApplicationId, Path.GetFileName(bundle), bytes, "ARCHIVE", ct).ConfigureAwait(false);
        }
        else if (mode == AmMode.Upload)
        {
            // The AM and the trainer builds ship as archives; the AM hands the trainer's on to every task.
            var am = options.AmDirectory ?? throw new PreflightException("am mode 'upload' needs an AM bundle (.tgz or .zip) or the AM build folder");
            var trainer = options.TrainerDirectory ?? throw new PreflightException("am mode 'upload' needs the trainer build folder to ship with the AM");
            resources[SubmissionBuilder.BundleLink] = await stager.StageAsync(app.ApplicationId, "am.tgz", await FolderArchive.PackAsync(am, ct).ConfigureAwait(false), "ARCHIVE", ct).ConfigureAwait(false);
            resources[AmEnv.TrainerLink] = await stager.StageAsync(app.ApplicationId, "trainer.tgz", await FolderArchive.PackAsync(trainer, ct).ConfigureAwait(false), "ARCHIVE", ct).ConfigureAwait(false);
        }

        var context = SubmissionBuilder.Build(spec, app.ApplicationId, options, mode, resources, stager.StagingDir(app.ApplicationId), stager.NameNodeHttp);
        await rm.SubmitApplicationAsync(context, ct).ConfigureAwait(false);
        return new SubmitResult(app.ApplicationId, rm.ActiveEndpoint, null) { Warnings = placement.Warnings };
    }
}
