using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using YarnDL.MiniCluster.ResourceManager;
using YarnDL.MiniCluster.Rest;

namespace YarnDL.MiniCluster.WebHdfs;

/// <summary>A minimal WebHDFS (namenode and datanode in one) over a local directory (yarn-rest-gpu-docker.md §4).</summary>
internal static class WebHdfsApi
{
    private const string Prefix = "/webhdfs/v1";

    public static void Map(IEndpointRouteBuilder app, string root)
    {
        app.Map(Prefix + "/{**path}", async (HttpContext ctx, string? path) =>
        {
            var op = ctx.Request.Query["op"].ToString().ToUpperInvariant();
            var hdfsPath = "/" + (path ?? "").Trim('/');
            var local = LocalPath(root, hdfsPath);
            var method = ctx.Request.Method;
            return (method, op) switch
            {
                ("PUT", "MKDIRS") => MkDirs(local, ctx.Request.Query["permission"]),
                ("PUT", "CREATE") => await CreateAsync(ctx, local, hdfsPath).ConfigureAwait(false),
                ("PUT", "RENAME") => ctx.Request.Query["renameoptions"].ToString().Contains("OVERWRITE", StringComparison.OrdinalIgnoreCase)
                    ? RenameOverwrite(root, local, hdfsPath, ctx.Request.Query["destination"].ToString())
                    : Rename(root, local, ctx.Request.Query["destination"].ToString()),
                ("GET", "GETFILESTATUS") => FileStatus(local, hdfsPath),
                ("GET", "LISTSTATUS") => ListStatus(local, hdfsPath),
                ("GET", "OPEN") => Open(local, hdfsPath),
                ("DELETE", "DELETE") => Delete(local, ctx.Request.Query["recursive"] == "true"),
                _ => Error(400, "java.lang.IllegalArgumentException", $"Invalid value for webhdfs parameter \"op\": No enum constant for {method} {op}"),
            };
        });
    }

    private static string LocalPath(string root, string hdfsPath)
    {
        var full = Path.GetFullPath(Path.Combine(root, hdfsPath.TrimStart('/')));
        if (!full.StartsWith(Path.GetFullPath(root), StringComparison.Ordinal))
            throw RmRequestException.BadRequest("path escapes the file system root");
        return full;
    }

    private static IResult MkDirs(string local, string? permission)
    {
        if (File.Exists(local)) return Error(403, "org.apache.hadoop.fs.FileAlreadyExistsException", $"Parent path is not a directory: {local}");
        if (Permission(permission, "755") is not { } mode) return BadPermission(permission);
        var existed = Directory.Exists(local);
        Directory.CreateDirectory(local);
        if (!existed) Apply(local, mode, isDir: true);
        return RmRestApi.Json(new JsonObject { ["boolean"] = true });
    }

    /// <summary>Octal permission as WebHDFS takes it (0–1777), or the default; null when malformed.</summary>
    private static int? Permission(string? text, string fallback)
    {
        text = string.IsNullOrEmpty(text) ? fallback : text;
        if (text.Length is 0 or > 4 || text.Any(c => c is < '0' or > '7')) return null;
        var mode = Convert.ToInt32(text, 8);
        return mode <= 0x3FF ? mode : null;
    }

    private static IResult BadPermission(string? text) =>
        Error(400, "java.lang.IllegalArgumentException", $"Invalid value for webhdfs parameter \"permission\": {text}");

    // Kept as the backing file's mode (the owner's read/write always stays, so the MiniCluster can still use it).
    private static void Apply(string local, int mode, bool isDir)
    {
        if (OperatingSystem.IsWindows()) return;
        var owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | (isDir ? UnixFileMode.UserExecute : UnixFileMode.None);
        File.SetUnixFileMode(local, ((UnixFileMode)(mode & 0x1FF)) | owner);
    }

    private static string PermissionOf(string local, bool isDir) =>
        OperatingSystem.IsWindows() ? (isDir ? "755" : "644") : Convert.ToString((int)File.GetUnixFileMode(local) & 0x1FF, 8);

    private static async Task<IResult> CreateAsync(HttpContext ctx, string local, string hdfsPath)
    {
        var overwrite = ctx.Request.Query["overwrite"] == "true";
        if (Permission(ctx.Request.Query["permission"], "644") is not { } mode) return BadPermission(ctx.Request.Query["permission"]);
        if (ctx.Request.Query["datanode"] != "true")
        {
            if (File.Exists(local) && !overwrite)
                return Error(403, "org.apache.hadoop.fs.FileAlreadyExistsException", $"{hdfsPath} for client 127.0.0.1 already exists");
            var location = $"{ctx.Request.Scheme}://{ctx.Request.Host}{ctx.Request.Path}{ctx.Request.QueryString}&datanode=true";
            if (ctx.Request.Query["noredirect"] == "true") return RmRestApi.Json(new JsonObject { ["Location"] = location });
            ctx.Response.Headers.Location = location;
            return Results.StatusCode(307);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        await using (var file = File.Create(local))
            await ctx.Request.Body.CopyToAsync(file, ctx.RequestAborted).ConfigureAwait(false);
        Apply(local, mode, isDir: false);
        ctx.Response.Headers.Location = "webhdfs://" + ctx.Request.Host + hdfsPath;
        return Results.StatusCode(201);
    }

    private static IResult Rename(string root, string local, string destination)
    {
        if (string.IsNullOrEmpty(destination) || (!File.Exists(local) && !Directory.Exists(local)))
            return RmRestApi.Json(new JsonObject { ["boolean"] = false });
        var target = LocalPath(root, destination);
        if (File.Exists(target) || Directory.Exists(target)) return RmRestApi.Json(new JsonObject { ["boolean"] = false });
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (Directory.Exists(local)) Directory.Move(local, target);
        else File.Move(local, target);
        return RmRestApi.Json(new JsonObject { ["boolean"] = true });
    }

    // With renameoptions Hadoop calls rename2: an existing file at the destination is replaced, failures are exceptions,
    // success is 200 with an empty body.
    private static IResult RenameOverwrite(string root, string local, string hdfsPath, string destination)
    {
        if (!File.Exists(local)) return NotFound(hdfsPath);
        if (string.IsNullOrEmpty(destination)) return Error(400, "java.lang.IllegalArgumentException", "destination is required");
        var target = LocalPath(root, destination);
        if (Directory.Exists(target))
            return Error(403, "java.io.IOException", $"rename destination {destination} is a directory");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(local, target, overwrite: true);
        return Results.Ok();
    }

    private static IResult FileStatus(string local, string hdfsPath) =>
        File.Exists(local) || Directory.Exists(local)
            ? RmRestApi.Json(new JsonObject { ["FileStatus"] = Status(local, "") })
            : NotFound(hdfsPath);

    private static IResult ListStatus(string local, string hdfsPath)
    {
        if (File.Exists(local)) return RmRestApi.Json(new JsonObject { ["FileStatuses"] = new JsonObject { ["FileStatus"] = new JsonArray(Status(local, "")) } });
        if (!Directory.Exists(local)) return NotFound(hdfsPath);
        var items = Directory.EnumerateFileSystemEntries(local).Order(StringComparer.Ordinal)
            .Select(e => (JsonNode)Status(e, Path.GetFileName(e))).ToArray();
        return RmRestApi.Json(new JsonObject { ["FileStatuses"] = new JsonObject { ["FileStatus"] = new JsonArray(items) } });
    }

    private static IResult Open(string local, string hdfsPath) =>
        File.Exists(local) ? Results.File(local, "application/octet-stream") : NotFound(hdfsPath);

    private static IResult Delete(string local, bool recursive)
    {
        if (File.Exists(local))
        {
            File.Delete(local);
            return RmRestApi.Json(new JsonObject { ["boolean"] = true });
        }

        if (!Directory.Exists(local)) return RmRestApi.Json(new JsonObject { ["boolean"] = false });
        if (!recursive && Directory.EnumerateFileSystemEntries(local).Any())
            return Error(403, "org.apache.hadoop.fs.PathIsNotEmptyDirectoryException", $"{local} is non empty': Directory is not empty");
        Directory.Delete(local, recursive);
        return RmRestApi.Json(new JsonObject { ["boolean"] = true });
    }

    private static JsonObject Status(string local, string suffix)
    {
        var isDir = Directory.Exists(local);
        var info = isDir ? (FileSystemInfo)new DirectoryInfo(local) : new FileInfo(local);
        var mtime = new DateTimeOffset(info.LastWriteTimeUtc).ToUnixTimeMilliseconds();
        return new JsonObject
        {
            ["accessTime"] = isDir ? 0 : mtime,
            ["blockSize"] = isDir ? 0 : 134217728,
            ["childrenNum"] = isDir ? Directory.EnumerateFileSystemEntries(local).Count() : 0,
            ["fileId"] = Math.Abs((long)local.GetHashCode(StringComparison.Ordinal)),
            ["group"] = "supergroup",
            ["length"] = isDir ? 0 : ((FileInfo)info).Length,
            ["modificationTime"] = mtime,
            ["owner"] = Environment.UserName,
            ["pathSuffix"] = suffix,
            ["permission"] = PermissionOf(local, isDir),
            ["replication"] = isDir ? 0 : 1,
            ["storagePolicy"] = 0,
            ["type"] = isDir ? "DIRECTORY" : "FILE",
        };
    }

    private static IResult NotFound(string hdfsPath) => Error(404, "java.io.FileNotFoundException", $"File does not exist: {hdfsPath}");

    private static IResult Error(int status, string javaClass, string message) => RmRestApi.Json(new JsonObject
    {
        ["RemoteException"] = new JsonObject
        {
            ["exception"] = javaClass[(javaClass.LastIndexOf('.') + 1)..],
            ["javaClassName"] = javaClass,
            ["message"] = message,
        },
    }, status);
}
