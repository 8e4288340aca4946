using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GtmBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "artefact_messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ArtefactKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PlatformMessageId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_artefact_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "canvases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_canvases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "checklists",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_checklists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "conversation_references",
                columns: table => new
                {
                    WorkspaceKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Reference = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversation_references", x => new { x.WorkspaceKey, x.Channel });
                });

            migrationBuilder.CreateTable(
                name: "drills",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Problem = table.Column<string>(type: "text", nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Motive = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AnswerCount = table.Column<int>(type: "integer", nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AppliedTo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_drills", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbound_events",
                columns: table => new
                {
                    Platform = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EventId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbound_events", x => new { x.Platform, x.EventId });
                });

            migrationBuilder.CreateTable(
                name: "installations",
                columns: table => new
                {
                    WorkspaceKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Channel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Platform = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Workspace = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EnterpriseId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IsEnterpriseInstall = table.Column<bool>(type: "boolean", nullable: false),
                    ProtectedToken = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    BotUserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    BotId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Scopes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    InstalledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    InstalledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_installations", x => new { x.WorkspaceKey, x.Channel });
                });

            migrationBuilder.CreateTable(
                name: "local_messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ArtefactKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReplyJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_local_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Platform = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ConversationJson = table.Column<string>(type: "text", nullable: false),
                    ReplyJson = table.Column<string>(type: "text", nullable: false),
                    ArtefactKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAtMs = table.Column<long>(type: "bigint", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Throttles = table.Column<int>(type: "integer", nullable: false),
                    LeaseUntilMs = table.Column<long>(type: "bigint", nullable: true),
                    LeaseOwner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SentAtMs = table.Column<long>(type: "bigint", nullable: true),
                    DeliveredAtMs = table.Column<long>(type: "bigint", nullable: true),
                    PlatformMessageId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Superseded = table.Column<bool>(type: "boolean", nullable: false),
                    DeadLettered = table.Column<bool>(type: "boolean", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "quote_theme_priorities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ThemeKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Priority = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SetBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quote_theme_priorities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "quotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Customer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CapturedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CapturedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Permalink = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    MessageId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CapturedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AutoTags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AutoMotive = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TaggedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quotes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Platform = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ConversationJson = table.Column<string>(type: "text", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Hour = table.Column<int>(type: "integer", nullable: false),
                    Minute = table.Column<int>(type: "integer", nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    NextRunMs = table.Column<long>(type: "bigint", nullable: true),
                    LastRunMs = table.Column<long>(type: "bigint", nullable: true),
                    SkipReason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    DisabledReason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LeaseUntilMs = table.Column<long>(type: "bigint", nullable: true),
                    LeaseOwner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "settings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "summary_requests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ConversationJson = table.Column<string>(type: "text", nullable: false),
                    UserId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    UseLlm = table.Column<bool>(type: "boolean", nullable: false),
                    UiLang = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LeaseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LeaseOwner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    ResultJson = table.Column<string>(type: "text", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_summary_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "canvas_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CanvasId = table.Column<long>(type: "bigint", nullable: false),
                    WorkspaceKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Field = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OldValue = table.Column<string>(type: "text", nullable: true),
                    NewValue = table.Column<string>(type: "text", nullable: true),
                    OldMotive = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NewMotive = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UserId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_canvas_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_canvas_changes_canvases_CanvasId",
                        column: x => x.CanvasId,
                        principalTable: "canvases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "canvas_fields",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CanvasId = table.Column<long>(type: "bigint", nullable: false),
                    WorkspaceKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Field = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true),
                    Motive = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_canvas_fields", x => x.Id);
                    table.ForeignKey(
                        name: "FK_canvas_fields_canvases_CanvasId",
                        column: x => x.CanvasId,
                        principalTable: "canvases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "checklist_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChecklistId = table.Column<long>(type: "bigint", nullable: false),
                    WorkspaceKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    Property = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OldValue = table.Column<string>(type: "text", nullable: true),
                    NewValue = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_checklist_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_checklist_changes_checklists_ChecklistId",
                        column: x => x.ChecklistId,
                        principalTable: "checklists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "checklist_items",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChecklistId = table.Column<long>(type: "bigint", nullable: false),
                    WorkspaceKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OwnerId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Due = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_checklist_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_checklist_items_checklists_ChecklistId",
                        column: x => x.ChecklistId,
                        principalTable: "checklists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "drill_answers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DrillId = table.Column<long>(type: "bigint", nullable: false),
                    WorkspaceKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    UserId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_drill_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_drill_answers_drills_DrillId",
                        column: x => x.DrillId,
                        principalTable: "drills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "quote_corrections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    QuoteId = table.Column<long>(type: "bigint", nullable: false),
                    Field = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Value = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quote_corrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_quote_corrections_quotes_QuoteId",
                        column: x => x.QuoteId,
                        principalTable: "quotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_artefact_messages_WorkspaceKey_Channel_ArtefactKey",
                table: "artefact_messages",
                columns: new[] { "WorkspaceKey", "Channel", "ArtefactKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_canvas_changes_CanvasId",
                table: "canvas_changes",
                column: "CanvasId");

            migrationBuilder.CreateIndex(
                name: "IX_canvas_changes_WorkspaceKey_Channel_CanvasId_Id",
                table: "canvas_changes",
                columns: new[] { "WorkspaceKey", "Channel", "CanvasId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_canvas_fields_CanvasId",
                table: "canvas_fields",
                column: "CanvasId");

            migrationBuilder.CreateIndex(
                name: "IX_canvas_fields_WorkspaceKey_Channel_CanvasId_Field",
                table: "canvas_fields",
                columns: new[] { "WorkspaceKey", "Channel", "CanvasId", "Field" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_canvases_WorkspaceKey_Channel_Name",
                table: "canvases",
                columns: new[] { "WorkspaceKey", "Channel", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_checklist_changes_ChecklistId",
                table: "checklist_changes",
                column: "ChecklistId");

            migrationBuilder.CreateIndex(
                name: "IX_checklist_changes_WorkspaceKey_Channel_Id",
                table: "checklist_changes",
                columns: new[] { "WorkspaceKey", "Channel", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_checklist_items_ChecklistId",
                table: "checklist_items",
                column: "ChecklistId");

            migrationBuilder.CreateIndex(
                name: "IX_checklist_items_WorkspaceKey_Channel_ChecklistId_Step",
                table: "checklist_items",
                columns: new[] { "WorkspaceKey", "Channel", "ChecklistId", "Step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_checklists_WorkspaceKey_Channel",
                table: "checklists",
                columns: new[] { "WorkspaceKey", "Channel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_drill_answers_DrillId_Step",
                table: "drill_answers",
                columns: new[] { "DrillId", "Step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_drill_answers_WorkspaceKey_Channel_DrillId",
                table: "drill_answers",
                columns: new[] { "WorkspaceKey", "Channel", "DrillId" });

            migrationBuilder.CreateIndex(
                name: "IX_drills_WorkspaceKey_Channel_Id",
                table: "drills",
                columns: new[] { "WorkspaceKey", "Channel", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_inbound_events_SeenAt",
                table: "inbound_events",
                column: "SeenAt");

            migrationBuilder.CreateIndex(
                name: "IX_local_messages_WorkspaceKey_Channel_Id",
                table: "local_messages",
                columns: new[] { "WorkspaceKey", "Channel", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_DeliveredAtMs_DeadLettered_NextAttemptAtMs",
                table: "outbox",
                columns: new[] { "DeliveredAtMs", "DeadLettered", "NextAttemptAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_WorkspaceKey_Channel_ArtefactKey_Id",
                table: "outbox",
                columns: new[] { "WorkspaceKey", "Channel", "ArtefactKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_WorkspaceKey_Channel_IdempotencyKey",
                table: "outbox",
                columns: new[] { "WorkspaceKey", "Channel", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_WorkspaceKey_Channel_SentAtMs",
                table: "outbox",
                columns: new[] { "WorkspaceKey", "Channel", "SentAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_quote_corrections_QuoteId",
                table: "quote_corrections",
                column: "QuoteId");

            migrationBuilder.CreateIndex(
                name: "IX_quote_corrections_WorkspaceKey_Channel_QuoteId",
                table: "quote_corrections",
                columns: new[] { "WorkspaceKey", "Channel", "QuoteId" });

            migrationBuilder.CreateIndex(
                name: "IX_quote_theme_priorities_WorkspaceKey_Channel_ThemeKey",
                table: "quote_theme_priorities",
                columns: new[] { "WorkspaceKey", "Channel", "ThemeKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_quotes_WorkspaceKey_Channel_CapturedAt",
                table: "quotes",
                columns: new[] { "WorkspaceKey", "Channel", "CapturedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_quotes_WorkspaceKey_Channel_MessageId",
                table: "quotes",
                columns: new[] { "WorkspaceKey", "Channel", "MessageId" });

            migrationBuilder.CreateIndex(
                name: "IX_reminders_Enabled_NextRunMs",
                table: "reminders",
                columns: new[] { "Enabled", "NextRunMs" });

            migrationBuilder.CreateIndex(
                name: "IX_reminders_WorkspaceKey_Channel",
                table: "reminders",
                columns: new[] { "WorkspaceKey", "Channel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_settings_WorkspaceKey_Scope_Subject_Name",
                table: "settings",
                columns: new[] { "WorkspaceKey", "Scope", "Subject", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_summary_requests_CompletedAt_LeaseUntil",
                table: "summary_requests",
                columns: new[] { "CompletedAt", "LeaseUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_summary_requests_WorkspaceKey_Channel_Id",
                table: "summary_requests",
                columns: new[] { "WorkspaceKey", "Channel", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "artefact_messages");

            migrationBuilder.DropTable(
                name: "canvas_changes");

            migrationBuilder.DropTable(
                name: "canvas_fields");

            migrationBuilder.DropTable(
                name: "checklist_changes");

            migrationBuilder.DropTable(
                name: "checklist_items");

            migrationBuilder.DropTable(
                name: "conversation_references");

            migrationBuilder.DropTable(
                name: "drill_answers");

            migrationBuilder.DropTable(
                name: "inbound_events");

            migrationBuilder.DropTable(
                name: "installations");

            migrationBuilder.DropTable(
                name: "local_messages");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropTable(
                name: "quote_corrections");

            migrationBuilder.DropTable(
                name: "quote_theme_priorities");

            migrationBuilder.DropTable(
                name: "reminders");

            migrationBuilder.DropTable(
                name: "settings");

            migrationBuilder.DropTable(
                name: "summary_requests");

            migrationBuilder.DropTable(
                name: "canvases");

            migrationBuilder.DropTable(
                name: "checklists");

            migrationBuilder.DropTable(
                name: "drills");

            migrationBuilder.DropTable(
                name: "quotes");
        }
    }
}
