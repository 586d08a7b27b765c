namespace YarnDL.Client.AggregatedLogs;

/// <summary>
/// Finds and reads an application's aggregated node files: every layout directory is tried, files still being written
/// (<c>.tmp</c>) are skipped, and each directory tried is recorded for the message shown when nothing is found.
/// </summary>
public sealed class AggregatedLogFinder(IAggregatedLogStore store, AggregatedLogSettings settings)
{
    public async Task<AggregatedLogSearch> FindAsync(string applicationId, string user, CancellationToken ct = default)
    {
        var tried = new List<string>();
        var nodes = new List<AggregatedNodeLog>();
        foreach (var dir in AggregatedLogLayout.AppDirectories(settings, applicationId, user))
        {
            var files = await store.ListFilesAsync(dir, ct).ConfigureAwait(false);
            var complete = files?.Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal)).ToList() ?? [];
            tried.Add($"{store.Describe(dir).GetLeftPart(UriPartial.Path)} ({(files is null ? "no such directory" : $"{complete.Count} node file(s)")})");
            foreach (var name in complete)
            {
                var path = $"{dir}/{name}";
                var bytes = await store.ReadAsync(path, ct).ConfigureAwait(false);
                nodes.Add(new AggregatedNodeLog(name, store.Describe(path), AggregatedLogFile.Parse(bytes, store.Describe(path).GetLeftPart(UriPartial.Path))));
            }
        }

        return new AggregatedLogSearch(tried, nodes);
    }
}

/// <summary>What a search found: the directories tried (with what each held) and the parsed node files.</summary>
public sealed record AggregatedLogSearch(IReadOnlyList<string> Tried, IReadOnlyList<AggregatedNodeLog> Nodes);

/// <summary>One node's aggregated file (<see cref="NodeFile"/> is <c>{host}_{port}</c>).</summary>
public sealed record AggregatedNodeLog(string NodeFile, Uri Url, AggregatedLogFile File);
