using System.Text;

namespace YarnDL.MiniCluster.NodeManager;

/// <summary>
/// What a docker image would give a container of the docker runtime, which the MiniCluster runs as a plain process:
/// the image's PATH, with the commands of <see cref="MiniClusterOptions.DockerImageCommands"/> as scripts in front.
/// </summary>
internal sealed class ImageStandIn
{
    public const string RuntimeTypeVariable = "YARN_CONTAINER_RUNTIME_TYPE";

    private readonly string _path;

    private ImageStandIn(string path) => _path = path;

    /// <summary>Writes the command scripts into <paramref name="binDir"/>.</summary>
    public static ImageStandIn Create(IReadOnlyDictionary<string, string> commands, string binDir)
    {
        if (commands.Count == 0)
        {
            return new ImageStandIn(MiniClusterDefaults.ImagePath);
        }

        Directory.CreateDirectory(binDir);
        foreach (var (name, command) in commands)
        {
            if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal))
            {
                throw new ArgumentException($"DockerImageCommands: '{name}' is not a command name (no '/', not empty)");
            }

            var file = Path.Combine(binDir, name);
            File.WriteAllText(file, new StringBuilder("#!/bin/bash\nexec ").Append(command).Append(" \"$@\"\n").ToString());
            if (OperatingSystem.IsWindows())
            {
                continue;
            }

            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        return new ImageStandIn(binDir + ":" + MiniClusterDefaults.ImagePath);
    }

    /// <summary>The image's environment under the container's: PATH unless the container set one.</summary>
    public void Apply(IReadOnlyDictionary<string, string> launchEnv, IDictionary<string, string> processEnv)
    {
        if (launchEnv.TryGetValue(RuntimeTypeVariable, out var runtime)
            && string.Equals(runtime, "docker", StringComparison.OrdinalIgnoreCase)
            && !processEnv.ContainsKey("PATH"))
        {
            processEnv["PATH"] = _path;
        }
    }
}
