using GtmBot.Engine.Ports;
using GtmBot.Engine.Reminders;
using GtmBot.Host.Scheduling;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GtmBot.Host.Delivery;

/// <summary>Durable delivery: the outbox dispatcher, the local channel's messenger, the digest and the reminder scheduler.</summary>
public static class DeliveryServiceCollectionExtensions
{
    public static IServiceCollection AddGtmDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<DigestComposer>();
        services.AddSingleton<IPlatformMessenger, LocalMessenger>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddHostedService<ReminderScheduler>();
        return services;
    }
}
