using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using YarnDL.Cli.Hosting;
using YarnDL.Cli.Output;
using YarnDL.Client.Nodes;

namespace YarnDL.Cli.Commands.Admin;

/// <summary><c>yarndl admin nodes [--devices] [--json]</c>: per-node GPU totals from the RM, optionally per-device detail from each NM.</summary>
internal static class NodesCommand
{
    public static Command Create(CommonOptions common, CliServices services)
    {
        var devices = new Option<bool>("--devices") { Description = "Ask each NodeManager for its GPU devices and their containers" };
        var command = new Command("nodes", "GPU inventory of the cluster's NodeManagers") { devices, common.Json };
        common.AddClusterOptions(command);
        CommandRunner.SetAction(command, common, async (r, o, ct) =>
        {
            var rm = services.RmClientFactory(common.RmOptions(r, services));
            var nodes = await new GpuInventory(rm).GetAsync(r.GetValue(devices), ct).ConfigureAwait(false);
            var rows = nodes.Select(NodeJson.From).ToList();
            if (r.GetValue(common.Json))
            {
                await o.WriteLineAsync(JsonSerializer.Serialize(rows, CliJsonContext.Default.ListNodeJson)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            await o.WriteLineAsync($"{"NODE",-28} {"STATE",-10} {"GPUS",5} {"USED",5} {"FREE",5}  DEVICES").ConfigureAwait(false);
            foreach (var n in rows)
            {
                var dev = n.DeviceError is { } e ? "error: " + e : string.Join(' ', n.Devices.Select(d => d.ContainerId is null ? $"#{d.Index}" : $"#{d.Index}({d.ContainerId})"));
                await o.WriteLineAsync($"{n.NodeId,-28} {n.State,-10} {Num(n.Total),5} {Num(n.Used),5} {Num(n.Available),5}  {dev}").ConfigureAwait(false);
            }

            var total = rows.Sum(n => n.Total ?? 0);
            var free = rows.Sum(n => n.Available ?? 0);
            await o.WriteLineAsync($"{rows.Count} node(s), {total} GPU(s), {free} free").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Num(long? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "-";
}
