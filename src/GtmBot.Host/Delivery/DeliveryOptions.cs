using System.ComponentModel.DataAnnotations;

namespace GtmBot.Host.Delivery;

/// <summary>The outbox dispatcher and the reminder scheduler (section <c>GtmBot:Delivery</c>).</summary>
public sealed class DeliveryOptions
{
    public const string Section = "GtmBot:Delivery";

    /// <summary>Run the dispatcher and scheduler in this instance. Every instance may: rows are claimed in the database.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the dispatcher looks for due messages when the last look found none.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the scheduler looks for due reminders.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan SchedulerPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a claim holds a row; a crashed instance's rows are taken over after this.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Rows claimed at once.</summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Deliveries in flight at once per instance (each to a different channel).</summary>
    [Range(1, 256)]
    public int MaxParallelDeliveries { get; set; } = 16;

    /// <summary>Longest wait for one platform call; a call that takes longer counts as a failed attempt (it may still have posted: see the README).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a message that keeps failing for a passing reason (refused connection, timeout, 5xx, 429) is retried, counted
    /// from when it was written; after it, the message goes to the dead letter and an alert is posted in its channel.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>First retry delay; doubles with each failed attempt up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between two attempts (a longer Retry-After is still honoured).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(15);
}
