namespace EcgScope.Web.Uploads;

/// <summary>
/// A private folder (mode 700) that holds one upload's files while they are read, deleted with everything in it on
/// dispose, whether the read worked or not.
/// </summary>
public sealed class UploadWorkspace : IDisposable
{
    private UploadWorkspace(string folder) => Folder = folder;

    /// <summary>The folder.</summary>
    public string Folder { get; }

    /// <summary>The saved files' paths, in upload order.</summary>
    public List<string> Files { get; } = [];

    /// <summary>A new empty folder under <paramref name="parent"/>.</summary>
    public static UploadWorkspace Create(string parent)
    {
        var folder = Path.Combine(parent, "ecgscope-upload-" + Guid.NewGuid().ToString("N"));
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new UploadWorkspace(folder);
    }

    /// <summary>Saves <paramref name="content"/> under a safe form of <paramref name="fileName"/>, refusing more than <paramref name="maxBytes"/>.</summary>
    public async Task<string> SaveAsync(string fileName, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Folder, SafeName(fileName));
        if (File.Exists(path))
        {
            throw new UploadRejectedException($"Two files are called '{Path.GetFileName(path)}'.");
        }

        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    throw new UploadRejectedException($"{fileName} is larger than the {maxBytes >> 20} MiB accepted.", StatusCodes.Status413PayloadTooLarge);
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }

        Files.Add(path);
        return path;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    /// <summary>The last part of the name, with anything a file system or a person could misread replaced: no path ever leaves the folder.</summary>
    private static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]).TrimStart('.');
        return safe.Length == 0 ? "upload" : safe;
    }
}
