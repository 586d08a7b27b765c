using System.Formats.Tar;
using System.IO.Compression;
using YarnDL.Client.Submit;
using YarnDL.Spec;
using YarnDL.Spec.Loading;
using YarnDL.Spec.Model;
using YarnDL.Yarn.Rest.Submission;

namespace YarnDL.UnitTests.Client;

/// <summary>upload mode ships the trainer with the AM and names it by path: tasks never look it up on PATH.</summary>
public sealed class UploadModeTests
{
    private static readonly JobSpec Spec = JobSpecLoader.Load("""
        name: digits
        am: { mode: upload }
        trainer: { model: mlp, dataset: digits }
        roles: { worker: { instances: 2 } }
        """);

    [Fact]
    public void The_AM_runs_from_its_archive_and_hands_the_trainer_archive_to_tasks()
    {
        var resources = new Dictionary<string, LocalResource>
        {
            ["job.yaml"] = new() { Resource = "file:///s/job.yaml", Size = 1, Timestamp = 2 },
            ["am"] = new() { Resource = "file:///s/am.tgz", Type = "ARCHIVE", Size = 10, Timestamp = 20 },
            ["trainer"] = new() { Resource = "file:///s/trainer.tgz", Type = "ARCHIVE", Size = 30, Timestamp = 40 },
        };

        var c = SubmissionBuilder.Build(Spec, "application_1_0001", new SubmitOptions { User = "alice" }, AmMode.Upload, resources, "/s");

        var env = c.AmContainerSpec.Environment.Entry.ToDictionary(e => e.Key, e => e.Value);
        Assert.Equal("dotnet ./am/YarnDL.AppMaster.dll 1><LOG_DIR>/am.stdout 2><LOG_DIR>/am.stderr", c.AmContainerSpec.Commands.Command);
        Assert.Equal("dotnet ./trainer/YarnDL.Trainer.dll", env[AmEnv.TrainerCommand]);
        Assert.Equal("30,40,file:///s/trainer.tgz", env[AmEnv.TrainerBundle]);
        Assert.Equal("local", env[AmEnv.TaskRuntime]);
        Assert.DoesNotContain("YARN_CONTAINER_RUNTIME_TYPE", env.Keys);
    }

    [Fact]
    public async Task A_build_folder_packs_into_a_tgz_with_its_files_at_the_top()
    {
        var dir = Directory.CreateTempSubdirectory("yarndl-pack-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "YarnDL.Trainer.dll"), "x");
            Directory.CreateDirectory(Path.Combine(dir, "runtimes"));
            await File.WriteAllTextAsync(Path.Combine(dir, "runtimes", "a.so"), "y");

            var bytes = await FolderArchive.PackAsync(dir, CancellationToken.None);

            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            var names = new List<string>();
            while (await tar.GetNextEntryAsync() is { } entry)
            {
                names.Add(entry.Name.TrimStart('.', '/'));
            }

            Assert.Contains("YarnDL.Trainer.dll", names);
            Assert.Contains("runtimes/a.so", names);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
