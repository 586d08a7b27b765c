using YarnDL.Tracking;
using YarnDL.Yarn.Rest.Apps;

namespace YarnDL.Cli.Output;

/// <summary>
/// <c>yarndl status</c>'s text: the RM's report, then what the AM shows of the job: its live document while it answers, else
/// the final result it left (headed as the last known state, from when), else a line saying that it does not answer yet.
/// Each fact is printed once: when the final result is shown below, the diagnostics line keeps only what the RM said
/// besides it (<see cref="FinalResult.OtherDiagnostics"/>).
/// </summary>
internal static class StatusText
{
    public static async Task WriteAsync(TextWriter o, AppReport report, AmStatus? job, FinalResult? result, AmSnapshot? snapshot)
    {
        var final = job is null && snapshot is not null ? result : null;
        await AppTable.WriteStatusAsync(o, report, final is null ? report.Diagnostics : final.OtherDiagnostics).ConfigureAwait(false);
        if (job is not null)
        {
            await JobTable.WriteAsync(o, job).ConfigureAwait(false);
        }
        else if (final is not null && snapshot is not null)
        {
            await JobTable.WriteFinalAsync(o, final, snapshot).ConfigureAwait(false);
        }
        else if (report.State == "RUNNING")
        {
            // RUNNING from the RM's point of view while no AM serves its status: the first attempt is still
            // starting, or the last one ended and the RM is starting the next (the tasks keep running).
            await o.WriteLineAsync("job          the AM does not answer yet (it is starting, or the RM is starting its next attempt); "
                + "trials and tasks show once it does: run status again, or wait APP to follow it").ConfigureAwait(false);
        }
    }
}
