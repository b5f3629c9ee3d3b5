namespace EcgScope.Testing;

/// <summary>Something a test needs from the machine (a program, a browser): under CI (CI=true) its absence fails the test, elsewhere it skips it.</summary>
internal static class Prerequisite
{
    /// <summary>Whether the tests run under CI, where nothing may be skipped for lack of a prerequisite.</summary>
    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Fails (CI) or skips (elsewhere) with <paramref name="message"/> unless <paramref name="present"/>.</summary>
    public static void Require(bool present, string message)
    {
        if (present)
        {
            return;
        }

        if (UnderCi)
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
    }

    /// <summary>Requires the program at <paramref name="path"/>, naming the Debian package that installs it.</summary>
    public static string Program(string path, string debianPackage)
    {
        Require(File.Exists(path), $"{path} not found: apt-get install {debianPackage}.");
        return path;
    }
}
