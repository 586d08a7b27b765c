using YarnDL.AppMaster.Web;

namespace YarnDL.UnitTests.AppMaster;

public sealed class StatusPageFormatTests
{
    [Theory]
    [InlineData("steps", 270.0, "270")]
    [InlineData("seconds", 12.0, "12")]
    [InlineData("val_accuracy", 0.97771, "0.9777")]
    [InlineData("val_accuracy", 1.0, "1")]
    [InlineData("examples_per_s", 1234.6, "1235")]
    public void Whole_numbers_have_no_decimals_and_fractions_four(string metric, double value, string shown) =>
        Assert.Equal(shown, StatusPage.Format(metric, value));
}
