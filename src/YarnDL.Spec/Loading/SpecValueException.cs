using YamlDotNet.Core;

namespace YarnDL.Spec.Loading;

/// <summary>Thrown by our type converters; carries the exact mark of the offending scalar.</summary>
internal sealed class SpecValueException : YamlException
{
    public SpecValueException(Mark start, Mark end, string message)
        : base(start, end, message)
    {
    }

    public SpecValueException(string message)
        : base(message)
    {
    }

    public SpecValueException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
