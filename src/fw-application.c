/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-application.h"
#include "fw-core.h"
#include "fw-i18n.h"
#include "fw-preferences-window.h"
#include "fw-window.h"

struct _FwApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  char          **restart_argv;
  gboolean        drafts_offered;
};

G_DEFINE_FINAL_TYPE (FwApplication, fw_application, ADW_TYPE_APPLICATION)

/* The sample workbook in the UI's language, from the resources. */
static FwWorkbook *
load_sample (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  FwWorkbook *workbook;
  gsize len;
  const char *data;

  path = g_strdup_printf (RESOURCE_PREFIX "/samples/sample-%s.flywheel",
                          g_str_equal (fw_i18n_current_language (), "ja") ? "ja" : "en");
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_critical ("The bundled sample is missing: %s", error->message);
      return fw_workbook_new ();
    }
  data = g_bytes_get_data (bytes, &len);
  workbook = fw_workbook_load_from_data (data, len, path, &error);
  if (workbook == NULL)
    {
      g_critical ("The bundled sample does not load: %s", error->message);
      return fw_workbook_new ();
    }
  return workbook;
}

/* Drafts left by a session that ended without saving (a crash, a kill, a
 * power cut): offered once, when the application starts. */

static FwWindow *find_window_for_file (FwApplication *self,
                                       GFile         *file);
static void close_unused_sample (FwApplication *self,
                                 FwWindow      *keep);

/* One file, one window, recovery included: a draft of a file that is open
 * already goes into that window (after it has read the file), otherwise into
 * a new window that reads the file first, so it knows the file's etag and
 * whether it is writable, then shows the draft over it. */
static void
recover_draft (FwApplication *self,
               const char    *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) original = NULL;
  g_autoptr(FwWorkbook) workbook = NULL;
  FwWindow *window;

  workbook = fw_draft_load (id, &original, &error);
  if (workbook == NULL)
    {
      GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

      if (FW_IS_WINDOW (parent))
        fw_window_show_error (FW_WINDOW (parent), _("Could not recover the draft"),
                              error->message);
      return;
    }

  window = original ? find_window_for_file (self, original) : NULL;
  if (window == NULL && original != NULL)
    {
      g_autoptr(FwWorkbook) empty = fw_workbook_new ();

      window = fw_window_new (GTK_APPLICATION (self), self->settings, empty, original);
      gtk_window_present (GTK_WINDOW (window));
      fw_window_load (window);
    }
  else if (window == NULL)
    {
      g_autoptr(FwWorkbook) empty = fw_workbook_new ();

      window = fw_window_new (GTK_APPLICATION (self), self->settings, empty, NULL);
      gtk_window_present (GTK_WINDOW (window));
    }
  else
    gtk_window_present (GTK_WINDOW (window));
  fw_window_recover (window, workbook, id);
  close_unused_sample (self, window);
}

static void
draft_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   FwApplication    *self)
{
  const char * const *ids = g_object_get_data (G_OBJECT (dialog), "fw-draft-ids");

  for (guint i = 0; ids && ids[i]; i++)
    {
      if (g_str_equal (response, "discard"))
        fw_draft_discard (ids[i]);
      else if (g_str_equal (response, "recover"))
        recover_draft (self, ids[i]);
      else
        return;  /* decide later: the drafts stay */
    }
}

/* A crash after a long day can leave many drafts: the dialog names the first few
 * and counts the rest, so it stays smaller than the screen. */
#define MAX_LISTED_DRAFTS 6

static void
offer_drafts (FwApplication *self,
              GtkWindow     *parent)
{
  g_autoptr(GPtrArray) drafts = NULL;

  if (self->drafts_offered)
    return;
  self->drafts_offered = TRUE;

  drafts = fw_drafts_list ();
  if (drafts->len == 0)
    return;

  {
    g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
    g_autoptr(GString) body = g_string_new (NULL);
    GtkWidget *dialog;

    /* One question for all of them: a crash with several windows open
     * leaves several drafts. */
    for (guint i = 0; i < drafts->len; i++)
      {
        FwDraftInfo *info = g_ptr_array_index (drafts, i);
        g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (info->modified);
        /* TRANSLATORS: when a draft was last changed, as g_date_time_format() writes
         * it: the locale's long date and time, e.g. "Tuesday, 1 December 2026, 20:41";
         * see g_date_time_format() for the codes */
        g_autofree char *time = when ? g_date_time_format (when, _("%A, %-e %B %Y, %H:%M"))
                                     : g_strdup ("");
        g_autofree char *name = NULL;

        g_strv_builder_add (ids, info->id);
        if (i >= MAX_LISTED_DRAFTS)
          continue;
        if (info->original_uri)
          {
            g_autoptr(GFile) file = g_file_new_for_uri (info->original_uri);
            name = g_file_get_basename (file);
          }
        else
          name = g_strdup (_("A new workbook"));
        /* TRANSLATORS: a line in the list of drafts: a file name and a date and time */
        g_string_append_printf (body, _("\n• %s, %s"), name, time);
      }
    if (drafts->len > MAX_LISTED_DRAFTS)
      {
        guint more = drafts->len - MAX_LISTED_DRAFTS;

        /* TRANSLATORS: the last line of the list of drafts, when it is too long to
         * show every one */
        g_string_append_printf (body, ngettext ("\n• and %u more", "\n• and %u more", more),
                                more);
      }
    g_string_prepend (body, _("Flywheel closed before these changes were saved:"));

    dialog = adw_message_dialog_new (parent, _("Recover Unsaved Changes?"), body->str);
    adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                      "discard", _("_Discard"),
                                      "recover", _("_Recover"),
                                      NULL);
    adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                ADW_RESPONSE_DESTRUCTIVE);
    adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover",
                                                ADW_RESPONSE_SUGGESTED);
    adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
    g_object_set_data_full (G_OBJECT (dialog), "fw-draft-ids", g_strv_builder_end (ids),
                            (GDestroyNotify) g_strfreev);
    g_signal_connect_object (dialog, "response", G_CALLBACK (draft_response_cb), self, 0);
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

static void
fw_application_activate (GApplication *app)
{
  g_autoptr(FwWorkbook) sample = load_sample ();
  FwWindow *window = fw_window_new (GTK_APPLICATION (app), FW_APPLICATION (app)->settings, sample, NULL);

  fw_window_set_is_sample (window, TRUE);
  gtk_window_present (GTK_WINDOW (window));
  offer_drafts (FW_APPLICATION (app), GTK_WINDOW (window));
}

static FwWindow *
find_window_for_file (FwApplication *self,
                      GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (FW_IS_WINDOW (l->data) && fw_window_get_file (l->data) &&
        g_file_equal (fw_window_get_file (l->data), file))
      return l->data;
  return NULL;
}

/* The sample opened at start is only there to look at: once the PM opens or
 * recovers a workbook of their own, it gives way, unless they changed it. It
 * goes from an idle: it may be the parent of the dialog whose answer got here
 * (recovery), which is still finishing its response. */
static gboolean
close_window_idle (gpointer data)
{
  if (fw_window_get_is_sample (data))
    gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
close_unused_sample (FwApplication *self,
                     FwWindow      *keep)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (FW_IS_WINDOW (l->data) && l->data != (gpointer) keep &&
        fw_window_get_is_sample (l->data))
      g_idle_add_full (G_PRIORITY_DEFAULT, close_window_idle, g_object_ref (l->data),
                       g_object_unref);
}

static void
fw_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(FwWorkbook) workbook = NULL;
      FwWindow *window = find_window_for_file (FW_APPLICATION (app), files[i]);

      /* One window per workbook: a file that is open already is raised. */
      if (window != NULL)
        {
          gtk_window_present (GTK_WINDOW (window));
          continue;
        }

      /* The window appears at once; the file is read on a worker thread. */
      workbook = fw_workbook_new ();
      window = fw_window_new (GTK_APPLICATION (app), FW_APPLICATION (app)->settings, workbook,
                               files[i]);
      gtk_window_present (GTK_WINDOW (window));
      fw_window_load (window);
      close_unused_sample (FW_APPLICATION (app), window);
    }

  offer_drafts (FW_APPLICATION (app), gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  g_autoptr(FwWorkbook) workbook = fw_workbook_new ();
  FwWindow *window = fw_window_new (GTK_APPLICATION (user_data),
                                    FW_APPLICATION (user_data)->settings, workbook, NULL);

  gtk_window_present (GTK_WINDOW (window));
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  FwApplication   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      if (array->len > 0)
        g_application_open (G_APPLICATION (self), (GFile **) array->pdata, array->len, "");
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  FwApplication *self = FW_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Open Workbook"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("Flywheel workbooks"));
  gtk_file_filter_add_pattern (filter, "*.flywheel");
  gtk_file_filter_add_mime_type (filter, "application/x-flywheel-workbook");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_uri_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  g_application_open (G_APPLICATION (user_data), &file, 1, "");
}

/* Quitting closes each window, so each can ask about unsaved changes. */
static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

/* The newest release's notes from the metainfo: its description, in the
 * untranslated markup AdwAboutWindow takes (p, ul, li); one text to maintain. */
static char *
release_notes (char **version)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PREFIX "/metainfo.xml",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  const char *text, *release, *start, *end;

  *version = NULL;
  if (bytes == NULL)
    return NULL;
  text = g_bytes_get_data (bytes, NULL);
  release = strstr (text, "<release ");
  start = release ? strstr (release, "<description>") : NULL;
  end = start ? strstr (start, "</description>") : NULL;
  if (end == NULL)
    return NULL;

  {
    const char *v = strstr (release, "version=\"");
    const char *q = v ? strchr (v + 9, '"') : NULL;

    if (q)
      *version = g_strndup (v + 9, q - (v + 9));
  }

  /* The merged file follows each element with its translations (xml:lang): keep
   * the one in the interface's language, or the original. */
  {
    g_autofree char *block = g_strndup (start + strlen ("<description>"),
                                        end - start - strlen ("<description>"));
    g_autofree char *attribute = g_strdup_printf (" xml:lang=\"%s\"",
                                                  fw_i18n_current_language ());
    g_auto(GStrv) lines = g_strsplit (block, "\n", -1);

    for (guint i = 0; lines[i]; i++)
      {
        const char *line = g_strstrip (lines[i]);
        const char *next = lines[i + 1] ? g_strstrip (lines[i + 1]) : "";
        g_autofree char *translated = NULL;

        if (strstr (line, "xml:lang") != NULL)
          continue;
        if (strstr (next, attribute) != NULL)
          {
            g_auto(GStrv) parts = g_strsplit (next, attribute, 2);
            translated = g_strjoinv ("", parts);
          }
        g_string_append_printf (notes, "%s\n", translated ? translated : line);
      }
  }
  return g_string_free (g_steal_pointer (&notes), FALSE);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (app);
  static const char *developers[] = { "Flywheel developers", NULL };
  g_autofree char *version = NULL;
  g_autofree char *notes = release_notes (&version);

  adw_show_about_window (parent,
                         "release-notes", notes ? notes : "",
                         "release-notes-version", version ? version : "",
                         "application-name", _("Flywheel"),
                         "application-icon", APP_ID,
                         "developer-name", _("Flywheel developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("ML winning-pattern workbook"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://github.com/flywheelpm/flywheel",
                         "issue-url", "https://github.com/flywheelpm/flywheel/issues",
                         "copyright", "© 2026 Flywheel developers",
                         "developers", developers,
                         /* TRANSLATORS: your name, shown in About */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  FwApplication *self = FW_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->settings == NULL)
    return;
  gtk_window_present (GTK_WINDOW (fw_preferences_window_new (parent, self->settings)));
}

/* Closes every window (each still asks about unsaved changes) and, once the
 * application has ended, main() starts the program again with the same files. */
static void
restart_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  FwApplication *self = FW_APPLICATION (user_data);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  g_ptr_array_add (argv, g_strdup (exe ? exe : g_get_prgname ()));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (FW_IS_WINDOW (l->data) && fw_window_get_file (l->data))
      g_ptr_array_add (argv, g_file_get_path (fw_window_get_file (l->data)));
  g_ptr_array_add (argv, NULL);

  quit_activated (NULL, NULL, self);
  if (gtk_application_get_windows (GTK_APPLICATION (self)) != NULL)
    return;  /* a window with unsaved changes is asking first */

  g_strfreev (self->restart_argv);
  self->restart_argv = (char **) g_ptr_array_free (g_steal_pointer (&argv), FALSE);
  g_application_quit (G_APPLICATION (self));
}

static void
apply_color_scheme (FwApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  int scheme = g_settings_get_enum (self->settings, "color-scheme");

  if (scheme >= 0 && scheme < (int) G_N_ELEMENTS (schemes))
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), schemes[scheme]);
}

static const GActionEntry app_actions[] = {
  { "preferences", preferences_activated },
  { "restart", restart_activated },
  { "new-window", new_window_activated },
  { "open", open_activated },
  { "open-uri", open_uri_activated, "s" },
  { "quit", quit_activated },
  { "about", about_activated },
};

static void
fw_application_startup (GApplication *app)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.new-window", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.new-idea", { "<Control>i", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.present", { "F5", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  FwApplication *self = FW_APPLICATION (app);

  G_APPLICATION_CLASS (fw_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  self->settings = fw_settings_new ();
  if (self->settings)
    {
      apply_color_scheme (self);
      g_signal_connect_object (self->settings, "changed::color-scheme",
                               G_CALLBACK (apply_color_scheme), self, G_CONNECT_SWAPPED);
    }
  else
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app),
                                                                              "preferences")),
                                 FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

/* Drafts are written and discarded on their own thread: let the last ones land
 * before the process ends, so a discarded draft is not offered again. */
static void
fw_application_shutdown (GApplication *app)
{
  fw_drafts_wait ();
  G_APPLICATION_CLASS (fw_application_parent_class)->shutdown (app);
}

static void
fw_application_finalize (GObject *object)
{
  FwApplication *self = (FwApplication *)object;

  g_clear_object (&self->settings);
  g_strfreev (self->restart_argv);

  G_OBJECT_CLASS (fw_application_parent_class)->finalize (object);
}

static void
fw_application_class_init (FwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = fw_application_finalize;

  app_class->activate = fw_application_activate;
  app_class->open = fw_application_open;
  app_class->startup = fw_application_startup;
  app_class->shutdown = fw_application_shutdown;
}

static void
fw_application_init (FwApplication *self)
{
}

char **
fw_application_steal_restart_argv (FwApplication *self)
{
  g_return_val_if_fail (FW_IS_APPLICATION (self), NULL);
  return g_steal_pointer (&self->restart_argv);
}

GSettings *
fw_application_get_settings (FwApplication *self)
{
  g_return_val_if_fail (FW_IS_APPLICATION (self), NULL);
  return self->settings;
}

/* The app's settings: the installed schema, or the one compiled in the build
 * tree when running uninstalled. NULL when neither is there: the app then runs
 * with its defaults rather than aborting. */
GSettings *
fw_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL && g_file_test (BUILD_ROOT "/data/gschemas.compiled", G_FILE_TEST_EXISTS))
    {
      g_autoptr(GSettingsSchemaSource) local =
        g_settings_schema_source_new_from_directory (BUILD_ROOT "/data", source, FALSE, NULL);

      if (local)
        schema = g_settings_schema_source_lookup (local, APP_ID, FALSE);
    }
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

FwApplication *
fw_application_new (void)
{
  return g_object_new (FW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/flywheelpm/Flywheel",
                       NULL);
}
