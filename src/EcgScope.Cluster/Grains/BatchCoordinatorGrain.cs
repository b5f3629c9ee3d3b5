using EcgScope.Bulk.Batch;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcgScope.Cluster.Grains;

/// <summary>
/// The coordinator of one batch. Keeps up to <see cref="BatchState.MaxInFlight"/> records under way on worker grains;
/// a record whose worker fails (its silo died) or takes longer than <see cref="ClusterBatchOptions.InFlightTimeout"/>
/// is handed out again under a new worker key, so it may run twice, but only its first row is recorded (a record
/// whose workers fail <see cref="ClusterBatchOptions.MaxAttempts"/> times gets a row with the error). A poll hands
/// out only rows known to be stored, so the client never sees a row the coordinator could forget; after a
/// loss of its own silo the coordinator is activated elsewhere (by the next poll, or by its reminder) and hands out
/// again everything not stored as done.
/// </summary>
internal sealed partial class BatchCoordinatorGrain(
    [PersistentState("batch", ClusterHosting.StorageName)] IPersistentState<BatchState> state,
    IOptions<ClusterBatchOptions> options,
    ILogger<BatchCoordinatorGrain> logger) : Grain, IBatchCoordinatorGrain, IRemindable
{
    private const string ReminderName = "batch";

    /// <summary>Records under way: when each was last handed out, and under which attempt.</summary>
    private readonly Dictionary<string, (DateTime Started, int Attempt)> inFlight = new(StringComparer.Ordinal);

    /// <summary>Failed attempts per record, in this activation.</summary>
    private readonly Dictionary<string, int> failures = new(StringComparer.Ordinal);
    private int attempts;
    private bool dirty;

    /// <summary>
    /// How many of the first rows are known to be in storage: a poll hands out no others. Rows recorded while a write is
    /// under way (a worker's answer interleaves with the await) may miss that write; were they handed out, a coordinator
    /// reactivated from storage after its silo died would record other records at their places, and the client, which
    /// asks from the count it has seen, would never get those rows.
    /// </summary>
    private int storedRows;
    private IGrainTimer? timer;

    private BatchState Batch => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        storedRows = Batch.Rows.Count;
        if (Batch.Pending.Count > 0)
        {
            StartWork();
        }

        return Task.CompletedTask;
    }

    public async Task<Guid> SubmitAsync(string[] models, RecordSource[] records, int maxInFlight)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInFlight, 1);
        if (Batch.Epoch == Guid.Empty)
        {
            Batch.Epoch = Guid.NewGuid();
            Batch.Models = models;
        }
        else if (!Batch.Models.SequenceEqual(models, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"Batch {this.GetPrimaryKeyString()} runs with models [{string.Join(", ", Batch.Models)}], not [{string.Join(", ", models)}].",
                nameof(models));
        }

        Batch.MaxInFlight = maxInFlight;
        var done = Batch.Rows.Select(row => row.File).ToHashSet(StringComparer.Ordinal);
        foreach (var record in records.Where(record => !done.Contains(record.Name)))
        {
            Batch.Pending.TryAdd(record.Name, record);
        }

        dirty = true;
        await SaveAsync();
        if (Batch.Pending.Count > 0)
        {
            await this.RegisterOrUpdateReminder(ReminderName, options.Value.ReminderPeriod, options.Value.ReminderPeriod);
            StartWork();
        }

        return Batch.Epoch;
    }

    public async Task<BatchPoll> PollAsync(int fromRow)
    {
        await SaveAsync();
        var from = Math.Clamp(fromRow, 0, storedRows);
        return new BatchPoll(Batch.Epoch, [.. Batch.Rows.GetRange(from, storedRows - from)], storedRows, Batch.Pending.Count, attempts);
    }

    public async Task ForgetAsync()
    {
        timer?.Dispose();
        timer = null;
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        await state.ClearStateAsync();
        state.State = new BatchState();
        storedRows = 0;
        DeactivateOnIdle();
    }

    /// <summary>The reminder wakes a coordinator whose silo died while no client called it.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Batch.Pending.Count == 0 && await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void StartWork()
    {
        timer ??= this.RegisterGrainTimer(TickAsync, options.Value.CheckPeriod, options.Value.CheckPeriod);
        Dispatch();
    }

    /// <summary>Stores new rows, and hands out again the records under way for too long.</summary>
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        await SaveAsync();
        var now = DateTime.UtcNow;
        foreach (var (name, work) in inFlight.Where(pair => now - pair.Value.Started > options.Value.InFlightTimeout).ToList())
        {
            LogOverdue(name, work.Attempt);
            inFlight.Remove(name);
        }

        Dispatch();
    }

    /// <summary>Hands out pending records not under way until <see cref="BatchState.MaxInFlight"/> are.</summary>
    private void Dispatch()
    {
        foreach (var record in Batch.Pending.Values.Where(record => !inFlight.ContainsKey(record.Name)).Take(Batch.MaxInFlight - inFlight.Count).ToList())
        {
            var attempt = ++attempts;
            inFlight[record.Name] = (DateTime.UtcNow, attempt);
            _ = RunAsync(record, attempt);
        }
    }

    private async Task RunAsync(RecordSource record, int attempt)
    {
        var worker = GrainFactory.GetGrain<IRecordWorkerGrain>($"{this.GetPrimaryKeyString()}/{record.Name}#{attempt}");
        try
        {
            Record(await worker.AnalyzeAsync(record, Batch.Models));
        }
#pragma warning disable CA1031 // Whatever a worker's failure (its silo died, a timeout), the record is handed out again.
        catch (Exception error)
#pragma warning restore CA1031
        {
            LogWorkerFailed(error, record.Name, attempt);
            // A fault of the cluster is retried without limit: the next attempt may land on a silo that lives.
            var failed = ClusterFaults.IsClusterFault(error) ? 0 : failures[record.Name] = failures.GetValueOrDefault(record.Name) + 1;
            if (failed >= options.Value.MaxAttempts)
            {
                Record(BatchRow.Failed(record, $"gave up after {failed} failed attempts on the cluster: {error.Message}", 0));
            }
            else
            {
                await Task.Delay(options.Value.RetryDelay);
            }
        }
        finally
        {
            if (inFlight.TryGetValue(record.Name, out var work) && work.Attempt == attempt)
            {
                inFlight.Remove(record.Name);
            }
        }

        Dispatch();
    }

    /// <summary>Records the first row of a record; a second one (the record ran twice) is dropped.</summary>
    private void Record(BatchRow row)
    {
        if (Batch.Pending.Remove(row.File))
        {
            Batch.Rows.Add(row);
            dirty = true;
        }
    }

    private async Task SaveAsync()
    {
        if (dirty)
        {
            dirty = false;
            var rows = Batch.Rows.Count;
            try
            {
                await state.WriteStateAsync();
                storedRows = Math.Max(storedRows, rows);
            }
            catch
            {
                dirty = true;
                throw;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Record {Record} (attempt {Attempt}) is overdue; handing it out again.")]
    private partial void LogOverdue(string record, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Record {Record} (attempt {Attempt}) failed on its worker; handing it out again.")]
    private partial void LogWorkerFailed(Exception error, string record, int attempt);
}
