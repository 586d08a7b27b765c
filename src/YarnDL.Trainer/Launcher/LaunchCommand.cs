using YarnDL.TaskProtocol;

namespace YarnDL.Trainer.Launcher;

/// <summary>What <c>yarndl-trainer exec</c> runs: <c>exec -- SCRIPT [NAME ARGS...]</c> (passed to <c>bash -c</c> as they
/// are), or with no arguments the <c>YARNDL_TASK_COMMAND</c> variable the AM sets (base64-encoded, so that no quote or
/// <c>$</c> of the user's command is touched by YARN's launch script).</summary>
internal sealed record LaunchCommand(string Script, IReadOnlyList<string> Arguments)
{
    public const string Usage = "usage: yarndl-trainer exec [-- SCRIPT [NAME ARGS...]] (without arguments it runs $" + TaskEnv.Command + ")";

    /// <exception cref="LauncherUsageException">Neither form names a command.</exception>
    public static LaunchCommand Parse(IReadOnlyList<string> args, Func<string, string?> env)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(env);
        if (args.Count == 0)
        {
            var script = TaskEnvValue.Decode(TaskEnv.Command, env(TaskEnv.Command));
            return string.IsNullOrWhiteSpace(script)
                ? throw new LauncherUsageException($"no command to run: {TaskEnv.Command} is not set and no '-- SCRIPT' was given; {Usage}")
                : new LaunchCommand(script, []);
        }

        if (args[0] != "--" || args.Count < 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            throw new LauncherUsageException($"unexpected arguments '{string.Join(' ', args)}'; {Usage}");
        }

        return new LaunchCommand(args[1], [.. args.Skip(2)]);
    }
}
