using System.Collections;
using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;

namespace YarnDL.Cli.Hosting;

/// <summary>
/// <c>--help</c>: writes the same sections as System.CommandLine's help (Description, Usage, Arguments, Options, Commands)
/// with plain loops over lists. The library's help builder sorts and groups with LINQ over value tuples, generic code that
/// ReadyToRun cannot precompile, and JIT-compiling it was the largest part of <c>yarndl --help</c>'s start.
/// <c>HelpTextTests</c> holds the text equal to the library's for every command of the tree.
/// </summary>
internal sealed class HelpTextAction : SynchronousCommandLineAction
{
    private const string Indent = HelpLayout.Indent;


    /// <summary>Help is asked for: missing arguments of the command are not errors then.</summary>
    public override bool ClearsParseErrors => true;

    /// <summary>Sets this action on every <see cref="HelpOption"/> of <paramref name="root"/>.</summary>
    public static void Install(Command root)
    {
        foreach (var option in root.Options)
        {
            if (option is HelpOption help)
            {
                help.Action = new HelpTextAction();
            }
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var text = Build(parseResult.CommandResult, HelpLayout.MaxWidth(output));
        output.Write(text);
        output.Flush();
        return 0;
    }

    /// <summary>The help text of the command <paramref name="result"/> names (its parents give the usage path and recursive options).</summary>
    internal static string Build(CommandResult result, int maxWidth = int.MaxValue)
    {
        var command = result.Command;
        var path = new List<CommandResult>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is CommandResult c)
            {
                path.Insert(0, c);
            }
        }

        var options = VisibleOptions(path);
        var sb = new StringBuilder(1024);
        if (!string.IsNullOrEmpty(command.Description))
        {
            sb.Append("Description:\n");
            HelpLayout.AppendIndented(sb, command.Description);
            sb.Append('\n');
        }

        sb.Append("Usage:\n").Append(Indent).Append(Usage(path, options.Count > 0)).Append("\n\n");

        var arguments = new List<(string, string)>();
        foreach (var argument in command.Arguments)
        {
            if (!argument.Hidden)
            {
                arguments.Add((ArgumentLabel(argument), WithDefault(argument.Description, argument.HasDefaultValue ? argument.GetDefaultValue() : null)));
            }
        }

        HelpLayout.AppendSection(sb, "Arguments:", arguments, maxWidth);

        var optionRows = new List<(string, string)>(options.Count);
        foreach (var option in options)
        {
            optionRows.Add((OptionLabel(option), WithDefault(option.Description, option.HasDefaultValue ? option.GetDefaultValue() : null)));
        }

        HelpLayout.AppendSection(sb, "Options:", optionRows, maxWidth);

        var commands = new List<(string, string)>();
        foreach (var sub in command.Subcommands)
        {
            if (!sub.Hidden)
            {
                commands.Add((CommandLabel(sub), sub.Description ?? string.Empty));
            }
        }

        HelpLayout.AppendSection(sb, "Commands:", commands, maxWidth);
        return sb.ToString();
    }

    /// <summary>The command's own options (help and version last), then the recursive options of its parents, nearest first.</summary>
    private static List<Option> VisibleOptions(List<CommandResult> path)
    {
        var own = path[^1].Command.Options;
        var result = new List<Option>(own.Count + 4);
        foreach (var o in own)
        {
            if (!o.Hidden && o is not (HelpOption or VersionOption))
            {
                result.Add(o);
            }
        }

        foreach (var o in own)
        {
            if (!o.Hidden && o is HelpOption or VersionOption)
            {
                result.Add(o);
            }
        }

        for (var i = path.Count - 2; i >= 0; i--)
        {
            foreach (var o in path[i].Command.Options)
            {
                if (o.Recursive && !o.Hidden && !result.Contains(o))
                {
                    result.Add(o);
                }
            }
        }

        return result;
    }

    private static string Usage(List<CommandResult> path, bool hasOptions)
    {
        var sb = new StringBuilder();
        foreach (var c in path)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(c.Command.Name);
            foreach (var argument in c.Command.Arguments)
            {
                if (!argument.Hidden)
                {
                    sb.Append(' ').Append(ArgumentUsage(argument, argument.Name));
                }
            }
        }

        var command = path[^1].Command;
        foreach (var sub in command.Subcommands)
        {
            if (!sub.Hidden)
            {
                sb.Append(" [command]");
                break;
            }
        }

        if (hasOptions)
        {
            sb.Append(" [options]");
        }

        return sb.ToString();
    }

    /// <summary><c>&lt;name&gt;</c>, optional <c>[&lt;name&gt;]</c>, many <c>&lt;name&gt;...</c>.</summary>
    private static string ArgumentUsage(Argument argument, string name)
    {
        var label = "<" + name + ">";
        if (argument.Arity.MaximumNumberOfValues > 1)
        {
            label += "...";
        }

        return argument.Arity.MinimumNumberOfValues == 0 ? "[" + label + "]" : label;
    }

    private static string ArgumentLabel(Argument argument) => "<" + ValueName(argument.HelpName, argument.CompletionSources, argument.Name) + ">";

    private static string OptionLabel(Option option)
    {
        var names = new List<string>(option.Aliases.Count + 1) { option.Name };
        foreach (var alias in option.Aliases)
        {
            if (!alias.StartsWith('/'))
            {
                names.Add(alias);
            }
        }

        names.Sort(ShorterFirst);
        var label = string.Join(", ", names);
        if (option.Arity.MaximumNumberOfValues > 0 && option.ValueType != typeof(bool))
        {
            label += " <" + ValueName(option.HelpName, option.CompletionSources, option.Name.TrimStart('-')) + ">";
        }

        return option.Required ? label + " (REQUIRED)" : label;
    }

    private static string CommandLabel(Command command)
    {
        var names = new List<string>(command.Aliases.Count + 1) { command.Name };
        names.AddRange(command.Aliases);
        names.Sort(ShorterFirst);
        var sb = new StringBuilder(string.Join(", ", names));
        foreach (var argument in command.Arguments)
        {
            if (!argument.Hidden)
            {
                sb.Append(' ').Append(ArgumentUsage(argument, ValueName(argument.HelpName, argument.CompletionSources, argument.Name)));
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The help name if set, else the fixed values (enum members, accepted values) as <c>a|b</c>, else the name. The sources
    /// are asked directly: the library's GetCompletions sorts with LINQ (more JIT at start).
    /// </summary>
    private static string ValueName(string? helpName, List<Func<CompletionContext, IEnumerable<CompletionItem>>> sources, string name)
    {
        if (!string.IsNullOrEmpty(helpName))
        {
            return helpName;
        }

        var values = new List<string>();
        foreach (var source in sources)
        {
            foreach (var item in source(CompletionContext.Empty))
            {
                if (!values.Contains(item.Label))
                {
                    values.Add(item.Label);
                }
            }
        }

        if (values.Count == 0)
        {
            return name;
        }

        values.Sort(StringComparer.Ordinal);
        return string.Join('|', values);
    }

    private static int ShorterFirst(string a, string b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);

    /// <summary>Appends <c>[default: v]</c> for a default worth showing (not a flag's false, not null or empty).</summary>
    private static string WithDefault(string? description, object? value)
    {
        var shown = value switch
        {
            null or false => null,
            string s => s.Length == 0 ? null : s,
            IEnumerable e => JoinValues(e),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        if (shown is null)
        {
            return description ?? string.Empty;
        }

        return string.IsNullOrEmpty(description) ? $"[default: {shown}]" : $"{description} [default: {shown}]";
    }

    private static string? JoinValues(IEnumerable values)
    {
        var parts = new List<string>();
        foreach (var v in values)
        {
            parts.Add(Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty);
        }

        return parts.Count == 0 ? null : string.Join('|', parts);
    }
}
