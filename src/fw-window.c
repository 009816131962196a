/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-cases-page.h"
#include "fw-disagreement-page.h"
#include "fw-idea-row.h"
#include "fw-learn-page.h"
#include "fw-portfolio-page.h"
#include "fw-quiz-page.h"
#include "fw-triage-page.h"
#include "fw-ui.h"
#include "fw-window-private.h"

G_DEFINE_FINAL_TYPE (FwWindow, fw_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SETTINGS,
  PROP_MODIFIED,
  PROP_LARGER_DIAGRAM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


FwWorkbook *
_fw_window_workbook (FwWindow *self)
{
  return fw_document_get_workbook (self->document);
}

/* @message is text, not markup (a toast's title is markup in libadwaita 1.2: a
 * file or idea named "R&D" would be an empty toast and a warning). */
void
_fw_window_show_toast (FwWindow   *self,
                       const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* The idea list. */

static void
idea_row_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, fw_idea_row_new ());
}

static void
idea_row_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  fw_idea_row_set_idea (FW_IDEA_ROW (gtk_list_item_get_child (list_item)),
                        gtk_list_item_get_item (list_item));
}

static void
idea_row_unbind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  fw_idea_row_set_idea (FW_IDEA_ROW (gtk_list_item_get_child (list_item)), NULL);
}

/* The idea page: what it shows, and when it is the page shown. */

void
_fw_window_update_idea_page (FwWindow *self)
{
  FwIdea *idea = self->shown_idea;
  g_autofree char *name = NULL;

  _fw_window_update_actions (self);
  if (fw_document_get_busy (self->document))
    return;
  /* A section page stays up while its work adds or takes back ideas (Spot Ideas). */
  if (gtk_list_box_get_selected_row (self->section_list))
    return;
  if (idea == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      adw_window_title_set_title (self->content_title, "");
      return;
    }
  gtk_stack_set_visible_child_name (self->content_stack, "idea");
  name = fw_idea_dup_display_title (idea);
  adw_window_title_set_title (self->content_title, name);
}

static void
show_idea (FwWindow *self,
           FwIdea   *idea)
{
  if (self->shown_idea == idea)
    return;
  if (self->shown_idea)
    g_signal_handlers_disconnect_by_func (self->shown_idea, _fw_window_update_idea_page,
                                          self);
  g_set_object (&self->shown_idea, idea);
  if (idea)
    {
      /* The title in the header follows edits. */
      g_signal_connect_object (idea, "changed", G_CALLBACK (_fw_window_update_idea_page),
                               self, G_CONNECT_SWAPPED);
      /* Edits of another idea are another step, and ideas are watched from
       * the moment they are shown (the only place they are edited). */
      fw_history_break (self->history);
      fw_history_watch (self->history, idea);
    }
  fw_idea_page_set_idea (self->idea_page, _fw_window_workbook (self), idea);
  _fw_window_update_idea_page (self);
}

void
_fw_window_selection_changed (FwWindow *self)
{
  g_clear_handle_id (&self->initial_idle, g_source_remove);
  show_idea (self, gtk_single_selection_get_selected_item (self->selection));
  if (!gtk_list_box_get_selected_row (self->section_list) ||
      gtk_widget_get_state_flags (GTK_WIDGET (self->idea_list)) & GTK_STATE_FLAG_FOCUS_WITHIN)
    _fw_window_show_idea_page (self);
}

void
_fw_window_select_idea (FwWindow *self,
                        FwIdea   *idea)
{
  GListModel *model = G_LIST_MODEL (self->filtered);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FwIdea) item = g_list_model_get_item (model, i);

      if (item == idea)
        {
          gtk_single_selection_set_selected (self->selection, i);
          break;
        }
    }
  show_idea (self, idea);
}

static void
idea_activated_cb (FwWindow *self,
                   guint     position)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* A click on an idea in the folded sidebar shows it; hovering selects nothing. */
static void
idea_list_released_cb (GtkGestureClick *gesture,
                       int              n_press,
                       double           x,
                       double           y,
                       FwWindow        *self)
{
  _fw_window_show_idea_page (self);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Beside the content the sidebar is a column of at most 320 px; folded it is a page of
 * its own, and a clamp there would leave bands each side of it and its header bar. */
static void
leaflet_folded_cb (FwWindow *self)
{
  /* Wider than any screen, short of G_MAXINT, which overflows in the clamp's sums. */
  int width = adw_leaflet_get_folded (self->leaflet) ? 100000 : 320;

  adw_clamp_set_maximum_size (self->sidebar_clamp, width);
  adw_clamp_set_tightening_threshold (self->sidebar_clamp, width);
}

static void
back_clicked_cb (FwWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Sections beside the ideas. Their pages are built when first shown. */
static const struct
{
  const char *name;
  const char *title;
  const char *icon;
} sections[] = {
  { "learn", N_("Learn"), "accessories-dictionary-symbolic" },
  { "cases", N_("Cases"), "view-list-bullet-symbolic" },
  { "quiz", N_("Knowledge Check"), "help-faq-symbolic" },
  { "triage", N_("Spot Ideas"), "edit-find-symbolic" },
  { "portfolio", N_("Portfolio"), "view-grid-symbolic" },
  { "disagreement", N_("Disagreement"), "system-users-symbolic" },
  /* Shown only while the workbook keeps conflicts (fw-window-merge.c). */
  { "conflicts", N_("Conflicts"), "dialog-warning-symbolic" },
};

static void
portfolio_idea_activated_cb (FwWindow *self,
                             FwIdea   *idea)
{
  _fw_window_clear_search (self);
  _fw_window_select_idea (self, idea);
  _fw_window_show_idea_page (self);
}

/* A promoted story opened from Spot Ideas shows at the Flywheel step: its task and
 * hinted conditions are filled in, its whys are next. */
static void
triage_idea_promoted_cb (FwWindow *self,
                         FwIdea   *idea)
{
  portfolio_idea_activated_cb (self, idea);
  fw_idea_editor_set_step (fw_idea_page_get_editor (self->idea_page), FW_STEP_FLYWHEEL);
}

static GtkWidget *
ensure_section_page (FwWindow   *self,
                     const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->content_stack, name);
  FwWorkbook *workbook = _fw_window_workbook (self);

  if (page)
    return page;
  if (g_str_equal (name, "learn"))
    page = fw_learn_page_new ();
  else if (g_str_equal (name, "cases"))
    {
      page = fw_cases_page_new ();
      fw_cases_page_set_workbook (FW_CASES_PAGE (page), workbook);
      /* Ctrl+Z there takes back its own last step first. */
      g_signal_connect_object (page, "notify::can-undo", G_CALLBACK (_fw_window_update_actions),
                               self, G_CONNECT_SWAPPED);
    }
  else if (g_str_equal (name, "quiz"))
    page = fw_quiz_page_new ();
  else if (g_str_equal (name, "triage"))
    {
      page = fw_triage_page_new ();
      fw_triage_page_set_workbook (FW_TRIAGE_PAGE (page), workbook);
      g_signal_connect_object (page, "open-idea", G_CALLBACK (triage_idea_promoted_cb),
                               self, G_CONNECT_SWAPPED);
    }
  else if (g_str_equal (name, "portfolio"))
    {
      page = fw_portfolio_page_new ();
      fw_portfolio_page_set_workbook (FW_PORTFOLIO_PAGE (page), workbook);
      g_signal_connect_object (page, "idea-activated", G_CALLBACK (portfolio_idea_activated_cb),
                               self, G_CONNECT_SWAPPED);
    }
  else if (g_str_equal (name, "conflicts"))
    {
      page = fw_conflicts_page_new ();
      fw_conflicts_page_set_workbook (FW_CONFLICTS_PAGE (page), workbook);
      g_signal_connect_object (page, "resolved", G_CALLBACK (_fw_window_conflict_resolved_cb),
                               self, G_CONNECT_SWAPPED);
    }
  else if (g_str_equal (name, "disagreement"))
    {
      page = fw_disagreement_page_new ();
      fw_disagreement_page_set_workbook (FW_DISAGREEMENT_PAGE (page), workbook);
      g_signal_connect_object (page, "idea-activated", G_CALLBACK (portfolio_idea_activated_cb),
                               self, G_CONNECT_SWAPPED);
    }
  else
    return NULL;
  gtk_stack_add_named (self->content_stack, page, name);
  return page;
}

void
_fw_window_show_section (FwWindow   *self,
                         const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkListBoxRow *row;

      if (!g_str_equal (sections[i].name, name))
        continue;
      if (ensure_section_page (self, name) == NULL)
        return;
      row = gtk_list_box_get_row_at_index (self->section_list, (int) i);
      if (gtk_list_box_get_selected_row (self->section_list) != row)
        gtk_list_box_select_row (self->section_list, row);
      gtk_stack_set_visible_child_name (self->content_stack, name);
      adw_window_title_set_title (self->content_title, _(sections[i].title));
      gtk_widget_set_visible (self->export_button, FALSE);
      gtk_widget_set_visible (self->idea_menu_button, FALSE);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      _fw_window_update_actions (self);
      return;
    }
}

static void
section_activated_cb (FwWindow      *self,
                      GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && index < (int) G_N_ELEMENTS (sections))
    _fw_window_show_section (self, sections[index].name);
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _fw_window_show_section (FW_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Back from a section to the selected idea. */
void
_fw_window_show_idea_page (FwWindow *self)
{
  gtk_list_box_unselect_all (self->section_list);
  gtk_widget_set_visible (self->export_button, TRUE);
  gtk_widget_set_visible (self->idea_menu_button, TRUE);
  _fw_window_update_idea_page (self);
}

gboolean
_fw_window_triage_shown (FwWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->content_stack);

  return page != NULL && FW_IS_TRIAGE_PAGE (page);
}

/* An idea on screen, not a section page or the empty page: what acts on "the
 * idea" (its steps, its exports) needs it. */
gboolean
_fw_window_idea_page_shown (FwWindow *self)
{
  return self->shown_idea != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "idea") == 0;
}

/* Titles and the modified state. */

void
_fw_window_update_titles (FwWindow *self)
{
  g_autofree char *name = fw_document_dup_display_name (self->document);
  g_autofree char *title = NULL;
  const char *workbook_title = fw_workbook_get_title (_fw_window_workbook (self));
  gboolean modified = fw_document_get_modified (self->document);

  title = modified ? g_strdup_printf ("• %s", name) : g_strdup (name);
  if (self->is_sample)
    {
      /* Said where the PM looks first, so nobody takes it for their own work. */
      adw_window_title_set_title (self->sidebar_title, workbook_title);
      adw_window_title_set_subtitle (self->sidebar_title, _("Sample workbook"));
    }
  else if (workbook_title && *workbook_title)
    {
      adw_window_title_set_title (self->sidebar_title, workbook_title);
      adw_window_title_set_subtitle (self->sidebar_title,
                                     (fw_document_get_file (self->document) || modified)
                                     ? title : "");
    }
  else
    {
      adw_window_title_set_title (self->sidebar_title, title);
      adw_window_title_set_subtitle (self->sidebar_title, "");
    }
  /* A merged workbook with conflicts left does not look done. */
  if (self->n_conflicts > 0 && self->n_conflicts != G_MAXUINT)
    {
      g_autofree char *conflicts =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unresolved conflict",
                                      "%u unresolved conflicts", self->n_conflicts),
                         self->n_conflicts);

      const char *shown = adw_window_title_get_subtitle (self->sidebar_title);
      g_autofree char *subtitle =
        shown && *shown && !self->is_sample
        /* TRANSLATORS: the sidebar's subtitle: "2 unresolved conflicts · • plan.flywheel" */
        ? g_strdup_printf (_("%s · %s"), conflicts, shown) : g_strdup (conflicts);

      adw_window_title_set_subtitle (self->sidebar_title, subtitle);
      g_free (title);
      /* TRANSLATORS: the window's title: the file's name, then "2 unresolved conflicts" */
      title = g_strdup_printf (_("%s — %s"), name, conflicts);
    }
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
modified_changed_cb (FwWindow *self)
{
  _fw_window_update_titles (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
_fw_window_set_sample (FwWindow *self,
                       gboolean  is_sample)
{
  if (self->is_sample == !!is_sample)
    return;
  self->is_sample = !!is_sample;
  _fw_window_update_titles (self);
}


/* Open Recent: the newest workbooks the recent-files list knows. */
static void
update_recent_menu (FwWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  g_menu_remove_all (self->recent_submenu);
  for (GList *l = items; l && n < 8; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;

      if (!g_str_has_suffix (uri, ".flywheel") || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "app.open-uri", "s", uri);
      g_menu_append_item (self->recent_submenu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* The first idea is laid out right after the window maps, still before its
 * first frame is drawn (redraws run at a lower priority), so the window
 * appears sooner and its first frame already shows the idea. */
static gboolean
show_initial_idea_idle (gpointer data)
{
  FwWindow *self = data;

  self->initial_idle = 0;
  _fw_window_selection_changed (self);
  return G_SOURCE_REMOVE;
}

/* Reading the recent-files list can wait until the window is up. */
static gboolean
recent_idle (gpointer data)
{
  FwWindow *self = data;

  self->recent_idle = 0;
  update_recent_menu (self);
  _fw_window_warm_search (self);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  return G_SOURCE_REMOVE;
}

static void
fw_window_constructed (GObject *object)
{
  FwWindow *self = FW_WINDOW (object);
  FwWorkbook *workbook;

  G_OBJECT_CLASS (fw_window_parent_class)->constructed (object);

  if (self->document == NULL)
    self->document = fw_document_new (NULL, NULL);
  workbook = _fw_window_workbook (self);

  self->filter = gtk_custom_filter_new (_fw_window_idea_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (fw_workbook_get_ideas (workbook)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (_fw_window_selection_changed), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->idea_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (workbook, "notify::title", G_CALLBACK (_fw_window_update_titles), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::modified", G_CALLBACK (modified_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file", G_CALLBACK (_fw_window_update_titles), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::busy", G_CALLBACK (_fw_window_update_actions),
                           self, G_CONNECT_SWAPPED);
  _fw_window_watch_document (self);
  if (self->settings)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  _fw_window_init_team (self);
  _fw_window_init_merge (self);
  _fw_window_update_titles (self);
  _fw_window_update_actions (self);
  self->initial_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, show_initial_idea_idle, self, NULL);
  self->recent_idle = g_idle_add_full (G_PRIORITY_LOW, recent_idle, self, NULL);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
fw_window_dispose (GObject *object)
{
  FwWindow *self = (FwWindow *)object;

  self->disposed = TRUE;
  g_clear_weak_pointer (&self->delete_toast);
  g_clear_handle_id (&self->initial_idle, g_source_remove);
  g_clear_handle_id (&self->recent_idle, g_source_remove);
  g_clear_handle_id (&self->warm_idle, g_source_remove);
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  if (self->document)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->idea_page)
    show_idea (self, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->deleted_idea);
  g_clear_object (&self->history);
  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_WINDOW);

  G_OBJECT_CLASS (fw_window_parent_class)->dispose (object);
}

static void
fw_window_finalize (GObject *object)
{
  FwWindow *self = (FwWindow *)object;

  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->search_folded, g_free);

  G_OBJECT_CLASS (fw_window_parent_class)->finalize (object);
}

static void
fw_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FwWindow *self = FW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, fw_document_get_modified (self->document));
      break;
    case PROP_LARGER_DIAGRAM:
      g_value_set_boolean (value, fw_idea_page_get_larger_diagram (self->idea_page));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FwWindow *self = FW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_LARGER_DIAGRAM:
      fw_window_set_larger_diagram (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_window_class_init (FwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = fw_window_constructed;
  object_class->dispose = fw_window_dispose;
  object_class->finalize = fw_window_finalize;
  object_class->get_property = fw_window_get_property;
  object_class->set_property = fw_window_set_property;
  window_class->close_request = _fw_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, FW_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Handed in by the application: the window never asks it for them. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The diagram and the verdict take the whole page; the form steps aside. */
  properties[PROP_LARGER_DIAGRAM] =
    g_param_spec_boolean ("larger-diagram", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FW_TYPE_IDEA_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/fw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, sidebar_clamp);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, section_list);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, idea_list);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, content);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, idea_page);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, primary_button);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, recent_submenu);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, idea_menu_button);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "search_changed_cb",
                                                G_CALLBACK (_fw_window_search_changed_cb));
  gtk_widget_class_bind_template_callback (widget_class, section_activated_cb);

  _fw_window_class_add_actions (widget_class);
  _fw_window_class_add_team_actions (widget_class);
  _fw_window_class_add_merge_actions (widget_class);
  gtk_widget_class_install_property_action (widget_class, "win.larger-diagram", "larger-diagram");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.larger-diagram", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
}

static void
larger_diagram_changed_cb (FwWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LARGER_DIAGRAM]);
}

static void
fw_window_init (FwWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *buttons[3];
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (leaflet_folded_cb), self,
                           G_CONNECT_SWAPPED);
  leaflet_folded_cb (self);

  buttons[0] = self->primary_button;
  buttons[1] = self->idea_menu_button;
  buttons[2] = self->export_button;
  /* A menu button's tooltip would stay over the menu it opened. */
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    fw_ui_hide_tooltip_while_shown (buttons[i], GTK_WIDGET (gtk_menu_button_get_popover (
                                                  GTK_MENU_BUTTON (buttons[i]))));

  self->history = fw_history_new ();
  g_signal_connect_object (self->history, "notify::can-undo",
                           G_CALLBACK (_fw_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-redo",
                           G_CALLBACK (_fw_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->idea_page, "notify::larger-diagram",
                           G_CALLBACK (larger_diagram_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (fw_idea_page_get_editor (self->idea_page), "notify::step",
                           G_CALLBACK (_fw_window_update_actions), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (idea_row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (idea_row_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (idea_row_unbind_cb), self);
  gtk_list_view_set_factory (self->idea_list, factory);
  g_signal_connect_object (self->idea_list, "activate", G_CALLBACK (idea_activated_cb), self,
                           G_CONNECT_SWAPPED);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (_(sections[i].title));

      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (sections[i].icon));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_list_box_append (self->section_list, box);
      if (g_str_equal (sections[i].name, "conflicts"))
        {
          GtkWidget *count = gtk_label_new (NULL);

          gtk_widget_set_hexpand (label, TRUE);
          gtk_widget_add_css_class (count, "numeric");
          gtk_widget_add_css_class (count, "dim-label");
          gtk_box_append (GTK_BOX (box), count);
          self->conflicts_row = gtk_widget_get_parent (box);
          self->conflicts_count = GTK_LABEL (count);
        }
    }

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_BUBBLE);
  g_signal_connect (click, "released", G_CALLBACK (idea_list_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->idea_list), GTK_EVENT_CONTROLLER (click));

  _fw_window_init_dnd (self);
  _fw_window_init_actions (self);
}

FwWindow *
fw_window_new (GtkApplication *app,
               GSettings      *settings,
               FwWorkbook     *workbook,
               GFile          *file)
{
  g_autoptr(FwDocument) document = fw_document_new (workbook, file);

  return g_object_new (FW_TYPE_WINDOW,
                       "application", app,
                       "settings", settings,
                       "document", document,
                       NULL);
}

FwDocument *
fw_window_get_document (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return self->document;
}

FwWorkbook *
fw_window_get_workbook (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return _fw_window_workbook (self);
}

GFile *
fw_window_get_file (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return fw_document_get_file (self->document);
}

gboolean
fw_window_get_modified (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), FALSE);
  return fw_document_get_modified (self->document);
}




gboolean
fw_window_get_is_sample (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), FALSE);
  return self->is_sample && !fw_document_get_modified (self->document);
}

void
fw_window_set_is_sample (FwWindow *self,
                         gboolean  is_sample)
{
  g_return_if_fail (FW_IS_WINDOW (self));
  _fw_window_set_sample (self, is_sample);
}

void
fw_window_set_larger_diagram (FwWindow *self,
                              gboolean  larger)
{
  g_return_if_fail (FW_IS_WINDOW (self));
  fw_idea_page_set_larger_diagram (self->idea_page, larger);
}

gboolean
fw_window_select_idea (FwWindow *self,
                       guint     position)
{
  FwWorkbook *workbook;

  g_return_val_if_fail (FW_IS_WINDOW (self), FALSE);

  workbook = _fw_window_workbook (self);
  if (position >= fw_workbook_get_n_ideas (workbook))
    return FALSE;
  _fw_window_clear_search (self);
  _fw_window_select_idea (self, fw_workbook_get_idea (workbook, position));
  return TRUE;
}

FwIdea *
fw_window_get_selected_idea (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return self->shown_idea;
}

void
fw_window_search (FwWindow   *self,
                  const char *query)
{
  g_return_if_fail (FW_IS_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query ? query : "");
  _fw_window_search_changed_cb (self);
}

guint
fw_window_get_n_listed_ideas (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

const char *
fw_window_get_verdict_text (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return fw_idea_page_get_verdict_text (self->idea_page);
}

GtkWidget *
fw_window_get_flywheel_view (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return fw_idea_page_get_flywheel_view (self->idea_page);
}

FwIdeaEditor *
fw_window_get_editor (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return fw_idea_page_get_editor (self->idea_page);
}

void
fw_window_show_error (FwWindow   *self,
                      const char *heading,
                      const char *body)
{
  g_return_if_fail (FW_IS_WINDOW (self));
  fw_ui_show_error (GTK_WINDOW (self), heading, body);
}
