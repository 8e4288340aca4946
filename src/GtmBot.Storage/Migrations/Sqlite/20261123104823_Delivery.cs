using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GtmBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Delivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_DeliveredAt_DeadLettered_NextAttemptAt",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "DeliveredAt",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "outbox");

            migrationBuilder.AddColumn<long>(
                name: "DeliveredAtMs",
                table: "outbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LeaseUntilMs",
                table: "outbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NextAttemptAtMs",
                table: "outbox",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "SentAtMs",
                table: "outbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Superseded",
                table: "outbox",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Throttles",
                table: "outbox",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "artefact_messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ArtefactKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PlatformMessageId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_artefact_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ConversationJson = table.Column<string>(type: "TEXT", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Hour = table.Column<int>(type: "INTEGER", nullable: false),
                    Minute = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    NextRunMs = table.Column<long>(type: "INTEGER", nullable: true),
                    LastRunMs = table.Column<long>(type: "INTEGER", nullable: true),
                    SkipReason = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    DisabledReason = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    LeaseUntilMs = table.Column<long>(type: "INTEGER", nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reminders", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_DeliveredAtMs_DeadLettered_NextAttemptAtMs",
                table: "outbox",
                columns: new[] { "DeliveredAtMs", "DeadLettered", "NextAttemptAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_WorkspaceKey_Channel_ArtefactKey_Id",
                table: "outbox",
                columns: new[] { "WorkspaceKey", "Channel", "ArtefactKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_WorkspaceKey_Channel_SentAtMs",
                table: "outbox",
                columns: new[] { "WorkspaceKey", "Channel", "SentAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_artefact_messages_WorkspaceKey_Channel_ArtefactKey",
                table: "artefact_messages",
                columns: new[] { "WorkspaceKey", "Channel", "ArtefactKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reminders_Enabled_NextRunMs",
                table: "reminders",
                columns: new[] { "Enabled", "NextRunMs" });

            migrationBuilder.CreateIndex(
                name: "IX_reminders_WorkspaceKey_Channel",
                table: "reminders",
                columns: new[] { "WorkspaceKey", "Channel" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "artefact_messages");

            migrationBuilder.DropTable(
                name: "reminders");

            migrationBuilder.DropIndex(
                name: "IX_outbox_DeliveredAtMs_DeadLettered_NextAttemptAtMs",
                table: "outbox");

            migrationBuilder.DropIndex(
                name: "IX_outbox_WorkspaceKey_Channel_ArtefactKey_Id",
                table: "outbox");

            migrationBuilder.DropIndex(
                name: "IX_outbox_WorkspaceKey_Channel_SentAtMs",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "DeliveredAtMs",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "LeaseUntilMs",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "NextAttemptAtMs",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "SentAtMs",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "Superseded",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "Throttles",
                table: "outbox");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeliveredAt",
                table: "outbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LeaseUntil",
                table: "outbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NextAttemptAt",
                table: "outbox",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.CreateIndex(
                name: "IX_outbox_DeliveredAt_DeadLettered_NextAttemptAt",
                table: "outbox",
                columns: new[] { "DeliveredAt", "DeadLettered", "NextAttemptAt" });
        }
    }
}
