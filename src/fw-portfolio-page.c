/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-portfolio.h"
#include "fw-portfolio-page.h"
#include "fw-ui.h"

struct _FwPortfolioPage
{
  AdwBin              parent_instance;

  FwWorkbook         *workbook;
  GPtrArray          *watched;      /* FwIdea whose "notify" we follow */
  guint               rebuild_id;

  FwPortfolio        *portfolio;
  FwPortfolioLayout  *layout;       /* for the chart's current size and theme */
  int                 hover;

  GtkStack           *stack;
  GtkWidget          *chart;
  GtkListBox         *list;
};

G_DEFINE_FINAL_TYPE (FwPortfolioPage, fw_portfolio_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKBOOK,
  N_PROPS
};

enum {
  IDEA_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
get_style (FwDiagramStyle *style)
{
  fw_diagram_style_init (style, is_dark () ? FW_DIAGRAM_THEME_DARK : FW_DIAGRAM_THEME_LIGHT);
  /* The chart shares the window with body text: labels no smaller than it. */
  style->font_scale = 1.3;
}

/* The chart's text scales with its size, which on a phone would leave labels
 * too small to read: there the scale grows so the text is about 13 px. */
static void
get_chart_style (FwDiagramStyle *style,
                 int             width,
                 int             height)
{
  double base;

  get_style (style);
  style->font_scale = 1.0;
  base = fw_diagram_style_font_size (style, width, height);
  style->font_scale = CLAMP (13.0 / base, 1.3, 2.2);
}

static FwPortfolioLayout *
ensure_layout (FwPortfolioPage *self)
{
  int w = gtk_widget_get_width (self->chart);
  int h = gtk_widget_get_height (self->chart);
  FwDiagramStyle style;

  if (self->portfolio == NULL || w <= 0 || h <= 0)
    return NULL;
  get_chart_style (&style, w, h);
  if (self->layout &&
      (fw_portfolio_layout_get_width (self->layout) != w ||
       fw_portfolio_layout_get_height (self->layout) != h))
    g_clear_pointer (&self->layout, fw_portfolio_layout_free);
  if (self->layout == NULL)
    self->layout = fw_portfolio_layout_new (self->portfolio, w, h, &style,
                                            gtk_widget_get_pango_context (self->chart));
  return self->layout;
}

static void
draw_chart_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  FwPortfolioPage *self = user_data;
  FwPortfolioLayout *layout = ensure_layout (self);

  if (layout)
    fw_portfolio_draw (layout, cr, self->hover);
}

static void
activate_entry (FwPortfolioPage *self,
                int              index)
{
  if (self->portfolio == NULL || index < 0 ||
      (guint) index >= fw_portfolio_get_n_entries (self->portfolio))
    return;
  g_signal_emit (self, signals[IDEA_ACTIVATED], 0,
                 fw_portfolio_get_entry (self->portfolio, index)->idea);
}

static void
chart_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  gpointer         user_data)
{
  FwPortfolioPage *self = user_data;
  FwPortfolioLayout *layout = ensure_layout (self);

  if (layout)
    activate_entry (self, fw_portfolio_layout_entry_at (layout, x, y));
}

static void
set_hover (FwPortfolioPage *self,
           int              hover)
{
  if (self->hover == hover)
    return;
  self->hover = hover;
  gtk_widget_set_cursor_from_name (self->chart, hover >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (self->chart);
}

static void
chart_motion_cb (GtkEventControllerMotion *motion,
                 double                    x,
                 double                    y,
                 gpointer                  user_data)
{
  FwPortfolioPage *self = user_data;
  FwPortfolioLayout *layout = ensure_layout (self);

  set_hover (self, layout ? fw_portfolio_layout_entry_at (layout, x, y) : -1);
}

static void
chart_leave_cb (GtkEventControllerMotion *motion,
                gpointer                  user_data)
{
  set_hover (user_data, -1);
}

static char *
describe_entry (const FwPortfolioEntry *entry)
{
  g_autofree char *summary = fw_format_summary (entry->verdict, entry->score, entry->priority);
  g_autofree char *team = fw_portfolio_entry_describe_team (entry);

  /* The team's agreement and decision, once the team round has them. */
  if (team == NULL)
    return g_steal_pointer (&summary);
  return g_strdup_printf ("%s · %s", summary, team);
}

static gboolean
chart_query_tooltip_cb (GtkWidget  *widget,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip,
                        gpointer    user_data)
{
  FwPortfolioPage *self = user_data;
  FwPortfolioLayout *layout = ensure_layout (self);
  const FwPortfolioEntry *entry;
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;
  int index;

  if (layout == NULL || keyboard)
    return FALSE;
  index = fw_portfolio_layout_entry_at (layout, x, y);
  if (index < 0)
    return FALSE;
  entry = fw_portfolio_get_entry (self->portfolio, index);
  line = describe_entry (entry);
  text = g_strdup_printf ("%u. %s\n%s", entry->rank, entry->title, line);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  gpointer       user_data)
{
  activate_entry (user_data, gtk_list_box_row_get_index (row));
}

static GtkWidget *
make_row (const FwPortfolioEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dot = gtk_label_new (NULL);
  g_autofree char *title = g_strdup_printf ("%u. %s", entry->rank, entry->title);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *subtitle = describe_entry (entry);
  g_autofree char *markup = NULL;
  const FwColor *color;
  FwDiagramStyle style;

  get_style (&style);
  color = fw_portfolio_verdict_color (&style, entry->verdict);
  markup = g_strdup_printf ("<span foreground=\"#%02x%02x%02x\">●</span>",
                            (int) (color->red * 255), (int) (color->green * 255),
                            (int) (color->blue * 255));
  gtk_label_set_markup (GTK_LABEL (dot), markup);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), dot);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
idea_notify_cb (GObject    *idea,
                GParamSpec *pspec,
                gpointer    user_data);

static void
unwatch (FwPortfolioPage *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_func (self->watched->pdata[i], idea_notify_cb, self);
  g_ptr_array_set_size (self->watched, 0);
}

static void
rebuild (FwPortfolioPage *self)
{
  GtkWidget *child;
  guint n;

  g_clear_pointer (&self->layout, fw_portfolio_layout_free);
  g_clear_pointer (&self->portfolio, fw_portfolio_free);
  self->hover = -1;
  unwatch (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);

  if (self->workbook == NULL || fw_workbook_get_n_ideas (self->workbook) == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->portfolio = fw_portfolio_new (self->workbook);
  n = fw_portfolio_get_n_entries (self->portfolio);
  for (guint i = 0; i < n; i++)
    {
      const FwPortfolioEntry *entry = fw_portfolio_get_entry (self->portfolio, i);

      gtk_list_box_append (self->list, make_row (entry));
      g_signal_connect (entry->idea, "notify", G_CALLBACK (idea_notify_cb), self);
      g_ptr_array_add (self->watched, entry->idea);
    }
  gtk_stack_set_visible_child_name (self->stack, "portfolio");
  gtk_widget_queue_draw (self->chart);
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  FwPortfolioPage *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Typing in the editor changes an idea many times a second: rank again once
 * things settle, and only while the page is on screen. */
static void
queue_rebuild (FwPortfolioPage *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_timeout_add (200, rebuild_idle_cb, self);
}

static void
idea_notify_cb (GObject    *idea,
                GParamSpec *pspec,
                gpointer    user_data)
{
  queue_rebuild (user_data);
}

static void
ideas_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  queue_rebuild (user_data);
}

static void
dark_changed_cb (AdwStyleManager *manager,
                 GParamSpec      *pspec,
                 gpointer         user_data)
{
  FwPortfolioPage *self = user_data;

  g_clear_pointer (&self->layout, fw_portfolio_layout_free);
  queue_rebuild (self);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(FwPortfolioPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *window = fw_ui_get_window (GTK_WIDGET (self));

  /* Said over the window the chart was exported from, unless it is gone. */
  if (!fw_document_export_portfolio_finish (FW_DOCUMENT (source), result, &error) && window)
    fw_ui_show_error (window, _("Could Not Export the Chart"), error->message);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  FwPortfolioPage *self = user_data;
  FwDocument *document = fw_ui_get_document (GTK_WIDGET (self));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  FwExportOptions options;
  FwExportFormat format;

  if (response != GTK_RESPONSE_ACCEPT || self->portfolio == NULL || document == NULL)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = g_file_get_path (file);
  if (path == NULL)
    goto out;
  if (!fw_export_format_from_filename (path, &format))
    {
      g_autofree char *with_png = g_strconcat (path, ".png", NULL);

      g_free (path);
      path = g_steal_pointer (&with_png);
      format = FW_EXPORT_PNG;
    }
  fw_export_options_init (&options, format);
  options.width = 1200;
  options.height = 800;
  options.author = fw_workbook_get_text (fw_document_get_workbook (document),
                                         FW_WORKBOOK_AUTHOR);
  /* The document ranks the ideas here and draws and writes on a worker. */
  fw_document_export_portfolio_async (document, &options, path, NULL, export_done_cb,
                                      g_object_ref (self));

out:
  g_object_unref (dialog);
}

static void
export_clicked_cb (GtkButton *button,
                   gpointer   user_data)
{
  FwPortfolioPage *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Export Chart"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  /* TRANSLATORS: the suggested file name of the exported portfolio chart */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("portfolio.png"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
fw_portfolio_page_dispose (GObject *object)
{
  FwPortfolioPage *self = FW_PORTFOLIO_PAGE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->watched)
    unwatch (self);
  if (self->workbook)
    g_signal_handlers_disconnect_by_func (fw_workbook_get_ideas (self->workbook),
                                          ideas_changed_cb, self);
  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), dark_changed_cb, self);
  g_clear_object (&self->workbook);
  g_clear_pointer (&self->layout, fw_portfolio_layout_free);
  g_clear_pointer (&self->portfolio, fw_portfolio_free);
  g_clear_pointer (&self->watched, g_ptr_array_unref);

  G_OBJECT_CLASS (fw_portfolio_page_parent_class)->dispose (object);
}

static void
fw_portfolio_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FwPortfolioPage *self = FW_PORTFOLIO_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      g_value_set_object (value, self->workbook);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_portfolio_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FwPortfolioPage *self = FW_PORTFOLIO_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      fw_portfolio_page_set_workbook (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_portfolio_page_class_init (FwPortfolioPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fw_portfolio_page_dispose;
  object_class->get_property = fw_portfolio_page_get_property;
  object_class->set_property = fw_portfolio_page_set_property;

  properties[PROP_WORKBOOK] =
    g_param_spec_object ("workbook", NULL, NULL, FW_TYPE_WORKBOOK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FwPortfolioPage::idea-activated:
   * @idea: the FwIdea whose bubble or row was activated
   */
  signals[IDEA_ACTIVATED] =
    g_signal_new ("idea-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, FW_TYPE_IDEA);
}

static void
fw_portfolio_page_init (FwPortfolioPage *self)
{
  GtkWidget *scrolled, *clamp, *box, *header, *title, *button, *empty, *frame;
  GtkEventController *motion;
  GtkGesture *click;

  self->watched = g_ptr_array_new ();
  self->hover = -1;

  self->stack = GTK_STACK (gtk_stack_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));

  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "view-grid-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Ideas Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Ideas appear here ranked by PoC priority and flywheel "
                                     "score once you add them."));
  gtk_stack_add_named (self->stack, empty, "empty");

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  title = gtk_label_new (_("Portfolio"));
  gtk_widget_add_css_class (title, "title-2");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  /* Under the chart, not beside the heading: side by side they are wider than
   * a phone in Japanese. */
  button = gtk_button_new_with_mnemonic (_("E_xport Chart…"));
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  g_signal_connect (button, "clicked", G_CALLBACK (export_clicked_cb), self);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (box), header);

  self->chart = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->chart), 440);
  gtk_widget_set_hexpand (self->chart, TRUE);
  gtk_widget_set_has_tooltip (self->chart, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->chart), draw_chart_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Portfolio chart: flywheel score across, PoC priority up; "
                                    "the list below has the same ideas"), -1);
  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (chart_pressed_cb), self);
  gtk_widget_add_controller (self->chart, GTK_EVENT_CONTROLLER (click));
  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (chart_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (chart_leave_cb), self);
  gtk_widget_add_controller (self->chart, motion);
  g_signal_connect (self->chart, "query-tooltip", G_CALLBACK (chart_query_tooltip_cb), self);
  frame = gtk_frame_new (NULL);
  gtk_widget_add_css_class (frame, "view");
  gtk_frame_set_child (GTK_FRAME (frame), self->chart);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_box_append (GTK_BOX (box), button);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (self->stack, scrolled, "portfolio");
  gtk_stack_set_visible_child_name (self->stack, "empty");

  g_signal_connect (adw_style_manager_get_default (), "notify::dark",
                    G_CALLBACK (dark_changed_cb), self);
}

GtkWidget *
fw_portfolio_page_new (void)
{
  return g_object_new (FW_TYPE_PORTFOLIO_PAGE, NULL);
}

FwWorkbook *
fw_portfolio_page_get_workbook (FwPortfolioPage *self)
{
  g_return_val_if_fail (FW_IS_PORTFOLIO_PAGE (self), NULL);
  return self->workbook;
}

void
fw_portfolio_page_set_workbook (FwPortfolioPage *self,
                                FwWorkbook      *workbook)
{
  g_return_if_fail (FW_IS_PORTFOLIO_PAGE (self));
  g_return_if_fail (workbook == NULL || FW_IS_WORKBOOK (workbook));

  if (self->workbook == workbook)
    return;
  if (self->workbook)
    g_signal_handlers_disconnect_by_func (fw_workbook_get_ideas (self->workbook),
                                          ideas_changed_cb, self);
  g_set_object (&self->workbook, workbook);
  if (workbook)
    g_signal_connect (fw_workbook_get_ideas (workbook), "items-changed",
                      G_CALLBACK (ideas_changed_cb), self);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKBOOK]);
}
