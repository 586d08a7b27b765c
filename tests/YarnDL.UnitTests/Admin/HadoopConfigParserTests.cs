using YarnDL.Admin.Config;

namespace YarnDL.UnitTests.Admin;

public sealed class HadoopConfigParserTests
{
    [Fact]
    public void Properties_carry_the_line_and_column_of_their_name()
    {
        const string Xml = "<?xml version=\"1.0\"?>\n<configuration>\n  <property>\n    <name> a.b </name>\n    <value> 1 </value>\n  </property>\n  <property><name>c</name><value>2</value></property>\n</configuration>\n";

        var file = HadoopConfigParser.Parse("x.xml", Xml);

        Assert.Equal(2, file.RootLine);
        Assert.Equal(new HadoopProperty("a.b", "1", 4, 6), file.Properties[0]);
        Assert.Equal(new HadoopProperty("c", "2", 7, 14), file.Properties[1]);
    }

    [Fact]
    public void Attribute_form_and_last_definition_wins()
    {
        const string Xml = "<configuration>\n<property name=\"k\" value=\"first\"/>\n<property><name>k</name><value>second</value></property>\n</configuration>";

        var file = HadoopConfigParser.Parse("x.xml", Xml);

        Assert.Equal(2, file.Properties.Count);
        Assert.Equal("second", file.Get("k"));
        Assert.Equal(3, file.Find("k")!.Line);
    }

    [Fact]
    public void Malformed_xml_reports_line_and_column()
    {
        const string Xml = "<configuration>\n  <property>\n    <name>a</name>\n    <value>1</vlue>\n  </property>\n</configuration>";

        var e = Assert.Throws<ConfigParseException>(() => HadoopConfigParser.Parse("bad.xml", Xml));

        Assert.Equal("bad.xml", e.File);
        Assert.Equal(4, e.Line);
        Assert.Equal(15, e.Column); // the name of the mismatched end tag, after "</"
        Assert.StartsWith("malformed XML: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_root_element_is_reported()
    {
        var e = Assert.Throws<ConfigParseException>(() => HadoopConfigParser.Parse("x.xml", "<allocations/>"));

        Assert.Equal(1, e.Line);
        Assert.Contains("expected <configuration>", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Property_without_name_is_reported()
    {
        var e = Assert.Throws<ConfigParseException>(() => HadoopConfigParser.Parse("x.xml", "<configuration>\n<property><value>1</value></property></configuration>"));

        Assert.Equal(2, e.Line);
    }
}
