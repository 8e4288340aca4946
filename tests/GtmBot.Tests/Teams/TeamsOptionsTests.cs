using System.Net;
using GtmBot.Teams;
using GtmBot.Teams.Connector;

namespace GtmBot.Tests.Teams;

public sealed class TeamsOptionsTests
{
    [Fact]
    public void Multi_tenant_tokens_come_from_the_botframework_tenant()
    {
        var o = new TeamsOptions { AppType = TeamsAppType.MultiTenant, TenantId = "ignored" };
        Assert.Equal("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", o.ResolvedTokenEndpoint);
    }

    [Fact]
    public void Single_tenant_tokens_come_from_the_bots_tenant()
    {
        var o = new TeamsOptions { AppType = TeamsAppType.SingleTenant, TenantId = "contoso-tenant" };
        Assert.Equal("https://login.microsoftonline.com/contoso-tenant/oauth2/v2.0/token", o.ResolvedTokenEndpoint);
    }

    [Fact]
    public void Configured_token_endpoint_wins()
    {
        var o = new TeamsOptions { TokenEndpoint = "http://127.0.0.1:9/token" };
        Assert.Equal("http://127.0.0.1:9/token", o.ResolvedTokenEndpoint);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, false, false, false, false)]
    [InlineData(HttpStatusCode.Forbidden, false, true, true, false)]
    [InlineData(HttpStatusCode.NotFound, false, true, true, false)]
    [InlineData(HttpStatusCode.NotFound, true, false, false, true)]
    [InlineData(HttpStatusCode.BadGateway, false, false, false, false)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, false, true, false, false)]
    public void Connector_statuses_map_to_delivery_outcomes(HttpStatusCode status, bool updating, bool permanent, bool conversationGone, bool messageGone)
    {
        var ex = TeamsMessenger.Map(new ConnectorException("x", status, null), updating);
        Assert.Equal(permanent, ex.Permanent);
        Assert.Equal(conversationGone, ex.ConversationGone);
        Assert.Equal(messageGone, ex.MessageGone);
        if (status == HttpStatusCode.TooManyRequests)
        {
            Assert.Equal(TeamsMessenger.DefaultThrottleWait, ex.RetryAfter);
        }
    }
}
