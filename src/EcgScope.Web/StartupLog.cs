namespace EcgScope.Web;

/// <summary>What the app says when it starts, so the person who ran it knows where to go.</summary>
public static partial class StartupLog
{
    /// <summary>The addresses and the history's file.</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "EcgScope is ready: open {Urls} in a browser (history in {Database}).")]
    public static partial void Ready(ILogger logger, string urls, string database);
}
