using System.Net;
using YarnDL.WebHdfs;
using static YarnDL.UnitTests.Rest.ScriptedHandler;

namespace YarnDL.UnitTests.Rest;

public sealed class WebHdfsClientTests
{
    [Fact]
    public async Task Create_is_two_puts_and_file_status_gives_length_and_mtime()
    {
        var h = new ScriptedHandler()
            .On(r => r.RequestUri!.Authority == "nn:9870" && r.RequestUri.Query.Contains("op=CREATE", StringComparison.Ordinal)
                ? new HttpResponseMessage(HttpStatusCode.TemporaryRedirect) { Headers = { Location = new Uri("http://dn1:9864/webhdfs/v1/user/alice/.yarndl/a/job.yaml?op=CREATE&namenoderpcaddress=nn:8020") } }
                : null)
            .On("dn1:9864", "/webhdfs/v1/", () => new HttpResponseMessage(HttpStatusCode.Created))
            .On(r => r.RequestUri!.Query.Contains("op=MKDIRS", StringComparison.Ordinal) ? Json(HttpStatusCode.OK, """{"boolean": true}""") : null)
            .On(r => r.RequestUri!.Query.Contains("op=GETFILESTATUS", StringComparison.Ordinal) ? Json(HttpStatusCode.OK, SpecJson.FileStatus) : null);
        var client = new WebHdfsClient(new HttpClient(h), [new Uri("http://nn:9870")], "alice", uploadOverSockets: false);

        Assert.True(await client.MkdirsAsync("/user/alice/.yarndl/a", "700"));
        await client.CreateAsync("/user/alice/.yarndl/a/job.yaml", "name: x"u8.ToArray(), overwrite: false);
        var status = await client.GetFileStatusAsync("/user/alice/.yarndl/a/job.yaml");

        Assert.Equal(18234567, status.Length);
        Assert.Equal(1700000012345, status.ModificationTime);
        var puts = h.Requests.Where(r => r.Method == HttpMethod.Put).ToList();
        Assert.Equal(3, puts.Count);
        Assert.Null(puts[1].Body);
        Assert.Equal("name: x", puts[2].Body);
        Assert.Equal("dn1:9864", puts[2].Uri.Authority);
        Assert.Contains("user.name=alice", puts[1].Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_standby_or_unreachable_namenode_fails_over_to_the_next_one()
    {
        const string standby = """{"RemoteException":{"exception":"StandbyException","javaClassName":"org.apache.hadoop.ipc.StandbyException","message":"Operation category WRITE is not supported in state standby. Visit https://s.apache.org/sbnn-error"}}""";
        var h = new ScriptedHandler()
            .On("nn1:9870", "/webhdfs/v1/", () => Json(HttpStatusCode.Forbidden, standby))
            .Refuse("nn2:9870")
            .On("nn3:9870", "/webhdfs/v1/", () => Json(HttpStatusCode.OK, """{"boolean": true}"""));
        var client = new WebHdfsClient(new HttpClient(h), [new Uri("http://nn1:9870"), new Uri("http://nn2:9870"), new Uri("http://nn3:9870")], "alice");

        Assert.True(await client.MkdirsAsync("/user/alice/x"));
        Assert.True(await client.MkdirsAsync("/user/alice/y"));

        Assert.Equal(new Uri("http://nn3:9870"), client.NameNodeHttp);
        Assert.Equal(["nn1:9870", "nn2:9870", "nn3:9870", "nn3:9870"], h.Requests.Select(r => r.Uri.Authority));
    }
}
