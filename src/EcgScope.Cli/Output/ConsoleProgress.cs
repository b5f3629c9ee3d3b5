using EcgScope.Core;
using Spectre.Console;

namespace EcgScope.Cli.Output;

/// <summary>
/// Shows a progress bar on standard error while long work runs, so standard output stays clean for JSON.
/// When standard error is not a terminal (a pipe, a CI log) nothing is drawn.
/// </summary>
internal static class ConsoleProgress
{
    /// <summary>Runs <paramref name="work"/>, drawing its reported progress under <paramref name="title"/>.</summary>
    public static T Run<T>(string title, Func<IProgress<WorkProgress>, T> work)
    {
        if (Console.IsErrorRedirected)
        {
            return work(new Progress<WorkProgress>());
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Interactive = InteractionSupport.Yes,
        });

        // Spectre measures the width of standard output; when that is redirected (JSON to a file) it guesses 80
        // columns or fewer, so take the terminal's width from standard error's window.
        console.Profile.Width = Math.Max(40, Console.WindowWidth);
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: 1.0);
                return work(new SynchronousProgress<WorkProgress>(report =>
                {
                    task.Value = report.Fraction;
                    task.Description = Markup.Escape(report.CurrentItem is null ? title : $"{title}: {report.CurrentItem}");
                }));
            });
    }
}
