using YarnDL.Spec;
using YarnDL.Spec.Model;
using YarnDL.Yarn.Rest.Resources;
using YarnDL.Yarn.Rest.Submission;

namespace YarnDL.Client.Submit;

/// <summary>Turns a spec into the RM's ApplicationSubmissionContext (the one place that knows the AM launch contract).</summary>
public static class SubmissionBuilder
{
    /// <summary>Command the AM image provides.</summary>
    public const string ImageAmCommand = "yarndl-am";

    /// <summary>Link name of the AM bundle in <c>upload</c> mode.</summary>
    public const string BundleLink = "am";

    /// <summary>The AM as shipped from its build folder in <c>upload</c> mode.</summary>
    public const string UploadedAmCommand = "dotnet ./" + BundleLink + "/YarnDL.AppMaster.dll";

    /// <summary>The trainer as each task localizes it in <c>upload</c> mode (relative to the task's working directory).</summary>
    public const string UploadedTrainerCommand = "dotnet ./" + AmEnv.TrainerLink + "/YarnDL.Trainer.dll";

    /// <summary>Default trainer command inside task images.</summary>
    public const string ImageTrainerCommand = "yarndl-trainer";

    public static ApplicationSubmissionContext Build(
        JobSpec spec, string applicationId, SubmitOptions options, AmMode mode,
        IReadOnlyDictionary<string, LocalResource> resources, string stagingDir, Uri? nameNodeHttp = null)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AmEnv.JobFile] = AmEnv.JobFileName,
            [AmEnv.SubmitUser] = options.User,
            [AmEnv.StagingDir] = stagingDir,
            // Only image mode runs tasks in docker; in upload mode they run the localized trainer on the host, as the AM does.
            [AmEnv.TaskRuntime] = mode == AmMode.Image ? "image" : "local",
        };
        var shipped = mode == AmMode.Upload ? resources.GetValueOrDefault(AmEnv.TrainerLink) : null;
        env[AmEnv.TrainerCommand] = options.TrainerCommand ?? (shipped is null ? ImageTrainerCommand : UploadedTrainerCommand);
        if (shipped is not null)
        {
            env[AmEnv.TrainerBundle] = FormattableString.Invariant($"{shipped.Size},{shipped.Timestamp},{shipped.Resource}");
        }

        if (nameNodeHttp is not null)
        {
            env[AmEnv.WebHdfsUrl] = nameNodeHttp.ToString();
        }

        if (mode == AmMode.Image)
        {
            env["YARN_CONTAINER_RUNTIME_TYPE"] = "docker";
            env["YARN_CONTAINER_RUNTIME_DOCKER_IMAGE"] = spec.Image!;
            if (spec.Docker.Network is { } network)
            {
                env["YARN_CONTAINER_RUNTIME_DOCKER_CONTAINER_NETWORK"] = network;
            }

            if (spec.Docker.Mounts.Count > 0)
            {
                env["YARN_CONTAINER_RUNTIME_DOCKER_MOUNTS"] = string.Join(",", spec.Docker.Mounts);
            }
        }

        var program = mode switch
        {
            AmMode.Image => ImageAmCommand,
            AmMode.Upload when options.AmBundle is null => UploadedAmCommand,
            AmMode.Upload => $"./{BundleLink}/{ImageAmCommand}",
            _ => $"dotnet {Quote(options.LocalAmDll ?? throw new PreflightException("am mode 'local' needs the path of YarnDL.AppMaster.dll"))}",
        };

        return new ApplicationSubmissionContext
        {
            ApplicationId = applicationId,
            ApplicationName = spec.Name,
            Queue = options.Queue ?? spec.Queue,
            Priority = spec.Priority ?? -1,
            ApplicationType = AmEnv.ApplicationType,
            MaxAppAttempts = options.MaxAppAttempts,
            KeepContainersAcrossApplicationAttempts = true,
            ApplicationTags = new Tags { Tag = [.. spec.Tags] },
            Resource = new ResourceInfo { Memory = spec.Am.Memory.Megabytes, VCores = spec.Am.Vcores },
            AmContainerSpec = new ContainerLaunchContext
            {
                Environment = EntryMap.From(env),
                LocalResources = EntryMap.From(resources),
                Commands = new Commands { Command = $"{program} 1><LOG_DIR>/am.stdout 2><LOG_DIR>/am.stderr" },
            },
        };
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"'{path}'" : path;
}
