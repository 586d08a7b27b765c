using System.CommandLine;
using System.Net;
using YarnDL.Client.Submit;
using YarnDL.Spec;
using YarnDL.Yarn.Rest.Errors;

namespace YarnDL.Cli.Hosting;

/// <summary>Runs a command body and maps known failures to one <c>error: …</c> line and an exit code.</summary>
internal static class CommandRunner
{
    public static void SetAction(Command command, CommonOptions common, Func<ParseResult, TextWriter, CancellationToken, Task<int>> body) =>
        command.SetAction(async (r, ct) => await RunAsync(r, common, body, ct).ConfigureAwait(false));

    public static async Task<int> RunAsync(ParseResult r, CommonOptions common, Func<ParseResult, TextWriter, CancellationToken, Task<int>> body, CancellationToken ct)
    {
        var output = r.InvocationConfiguration.Output;
        var error = r.InvocationConfiguration.Error;
        try
        {
            return await body(r, output, ct).ConfigureAwait(false);
        }
        catch (JobSpecException e)
        {
            return await Fail(error, e.Message, ExitCodes.BadInput).ConfigureAwait(false);
        }
        catch (PreflightException e)
        {
            return await Fail(error, "preflight: " + string.Join(Environment.NewLine + "error: preflight: ", e.Problems), ExitCodes.BadInput).ConfigureAwait(false);
        }
        catch (FormatException e)
        {
            return await Fail(error, e.Message, ExitCodes.BadInput).ConfigureAwait(false);
        }
        catch (RmBadResponseException e)
        {
            return await Fail(error, e.Message, ExitCodes.ClusterUnreachable).ConfigureAwait(false);
        }
        catch (RmUnavailableException e)
        {
            return await Fail(error, e.Message + " (check --rm or HADOOP_CONF_DIR)", ExitCodes.ClusterUnreachable).ConfigureAwait(false);
        }
        catch (YarnRestException e)
        {
            var code = (int)e.StatusCode >= 500 ? ExitCodes.ClusterUnreachable : ExitCodes.BadInput;
            var hint = e.StatusCode switch
            {
                HttpStatusCode.Unauthorized when r.GetValue(common.Spnego) => " (no Kerberos ticket the RM accepts: run kinit as a user of the cluster's realm, then retry)",
                HttpStatusCode.Unauthorized => " (authenticate: --user NAME, or kinit and --kerberos)",
                HttpStatusCode.Forbidden => " (the RM refused this user: check --user; changing another user's application takes its owner, a YARN admin or its MODIFY_APP ACL)",
                _ => string.Empty,
            };
            return await Fail(error, e.Message + hint, code).ConfigureAwait(false);
        }
        catch (WebHdfs.WebHdfsException e)
        {
            return await Fail(error, e.Message + (e.IsUnavailable ? " (check --webhdfs, the namenode's HTTP address)" : string.Empty),
                e.IsUnavailable ? ExitCodes.ClusterUnreachable : ExitCodes.BadInput).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return await Fail(error, "interrupted (Ctrl-C); a submitted job keeps running: yarndl status/kill APP", ExitCodes.Cancelled).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // the CLI boundary: anything unknown is an internal error with exit 70
        catch (Exception e)
#pragma warning restore CA1031
        {
            var detail = r.GetValue(common.Verbose) ? Environment.NewLine + e : " (run with --verbose for details)";
            return await Fail(error, $"internal error: {e.GetType().Name}: {e.Message}{detail}", ExitCodes.Internal).ConfigureAwait(false);
        }
    }

    private static async Task<int> Fail(TextWriter error, string message, int code)
    {
        await error.WriteLineAsync("error: " + message).ConfigureAwait(false);
        return code;
    }
}
