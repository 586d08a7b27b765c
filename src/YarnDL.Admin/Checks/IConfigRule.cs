namespace YarnDL.Admin.Checks;

/// <summary>One misconfiguration check over a loaded <see cref="ConfigSet"/>.</summary>
public interface IConfigRule
{
    IEnumerable<Finding> Check(ConfigSet config);
}
