using System.Globalization;

namespace YarnDL.MiniCluster.NodeManager;

/// <summary>Reads /proc to tell whether a process group still has a live (not zombie) member.</summary>
internal static class ProcessGroups
{
    public static bool HasLiveMember(int pgid)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(dir);
            if (name.Length == 0 || !char.IsAsciiDigit(name[0]))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue; // exited while we looked
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            // Fields after the ")" that closes the command name: state ppid pgrp ...
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (rest.Length > 2 && rest[0] is not ("Z" or "X")
                && int.TryParse(rest[2], NumberStyles.None, CultureInfo.InvariantCulture, out var group) && group == pgid)
            {
                return true;
            }
        }

        return false;
    }
}
