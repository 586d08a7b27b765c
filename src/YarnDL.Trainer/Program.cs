namespace YarnDL.Trainer;

internal static class Program
{
    public static int Main() => 0;
}
