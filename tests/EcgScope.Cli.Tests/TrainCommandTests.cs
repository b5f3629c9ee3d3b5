namespace EcgScope.Cli.Tests;

public sealed class TrainCommandTests
{
    [Fact]
    public void Train_hands_its_words_to_ecgscope_train_and_returns_its_exit_code_or_says_how_to_get_it()
    {
        var saved = Environment.GetEnvironmentVariable("ECGSCOPE_TRAIN");
        try
        {
            Environment.SetEnvironmentVariable("ECGSCOPE_TRAIN", "/bin/false");
            Assert.Equal(1, CliRun.Of("train", "rhythm-cnn", "--data", "/nowhere").ExitCode);
            Environment.SetEnvironmentVariable("ECGSCOPE_TRAIN", "/bin/true");
            Assert.Equal(0, CliRun.Of("train", "rhythm-cnn", "--data", "/nowhere").ExitCode);

            Environment.SetEnvironmentVariable("ECGSCOPE_TRAIN", "/no/such/ecgscope-train");
            var missing = CliRun.Of("train", "rhythm-cnn", "--data", "/nowhere", "--format", "json");
            Assert.Equal(2, missing.ExitCode);
            Assert.Contains("--project src/EcgScope.Training -- rhythm-cnn --data /nowhere", missing.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ECGSCOPE_TRAIN", saved);
        }
    }
}
