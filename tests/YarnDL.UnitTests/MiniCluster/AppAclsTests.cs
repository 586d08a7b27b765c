using YarnDL.MiniCluster.Rest;

namespace YarnDL.UnitTests.MiniCluster;

public sealed class AppAclsTests
{
    [Theory]
    [InlineData("*", "anyone", true)]
    [InlineData(" * ", "anyone", true)]
    [InlineData("alice,bob ops", "bob", true)]
    [InlineData("alice, bob", "bob", false)]    // the space ends the users: "bob" is a group here
    [InlineData("alice,bob ops", "ops", false)] // "ops" is a group
    [InlineData(" ops", "ops", false)]          // groups only
    [InlineData("", "alice", false)]
    [InlineData(null, "alice", false)]
    public void Acl_strings_read_users_before_the_first_space(string? acl, string user, bool allowed) =>
        Assert.Equal(allowed, AppAcls.Allows(acl, user));
}
