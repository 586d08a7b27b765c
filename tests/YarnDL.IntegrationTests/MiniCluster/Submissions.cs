namespace YarnDL.IntegrationTests.MiniCluster;

/// <summary>Submission bodies in the shape Hadoop's RM REST API documents for a new application ($ID = application id, $CMD = command).</summary>
internal static class Submissions
{
    public static string Shell(string command, string extraEnv = "", int maxAttempts = 2, string queue = "default") => $$"""
    {
      "application-id": "$ID",
      "application-name": "shell-am",
      "queue": "{{queue}}",
      "max-app-attempts": {{maxAttempts}},
      "application-type": "DLJOB",
      "application-tags": {"tag": ["Team-A", "nightly"]},
      "resource": {"memory": 1024, "vCores": 1},
      "am-container-spec": {
        "environment": {"entry": [{"key": "GREETING", "value": "hello"}{{extraEnv}}]},
        "commands": {"command": {{System.Text.Json.JsonSerializer.Serialize(command)}}}
      }
    }
    """;
}
