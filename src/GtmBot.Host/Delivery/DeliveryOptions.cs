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

    /// <summary>Failed attempts before a message goes to the dead letter.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Rate-limit answers (429) before a message goes to the dead letter: a storm delays, it does not lose.</summary>
    [Range(1, 10000)]
    public int MaxThrottles { get; set; } = 200;

    /// <summary>First retry delay; doubles with each failed attempt up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(15);
}
