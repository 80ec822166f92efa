/**
 * The Adaptive Card (1.5) elements and actions this app uses, as plain typed objects: a property
 * the schema does not have, or a value it does not allow, is a compile error. Only what the cards
 * use is here; add a property when a card needs it (the schema test still checks every card).
 */

type Spacing = 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge' | 'Padding';
type Color = 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

/** What every element may carry. */
interface ElementBase {
  id?: string;
  spacing?: Spacing;
  separator?: boolean;
  isVisible?: boolean;
}

/** How text looks, in a TextBlock and in a TextRun. */
export interface TextStyle {
  color?: Color;
  size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  weight?: 'Lighter' | 'Default' | 'Bolder';
  isSubtle?: boolean;
  fontType?: 'Default' | 'Monospace';
}

export interface TextBlock extends ElementBase, TextStyle {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  maxLines?: number;
  style?: 'default' | 'heading';
  horizontalAlignment?: 'Left' | 'Center' | 'Right';
}

export interface TextRun extends TextStyle {
  type: 'TextRun';
  text: string;
  italic?: boolean;
}

export interface RichTextBlock extends ElementBase {
  type: 'RichTextBlock';
  inlines: TextRun[];
}

export interface FactSet extends ElementBase {
  type: 'FactSet';
  facts: { title: string; value: string }[];
}

export interface Container extends ElementBase {
  type: 'Container';
  items: Element[];
  style?: ContainerStyle;
  bleed?: boolean;
}

export interface ActionSet extends ElementBase {
  type: 'ActionSet';
  actions: Action[];
}

/** What every input carries: the id its value comes back under, and its label. */
interface InputBase extends ElementBase {
  id: string;
  label?: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export interface TextInput extends InputBase {
  type: 'Input.Text';
  value?: string;
  placeholder?: string;
  isMultiline?: boolean;
  maxLength?: number;
}

export interface NumberInput extends InputBase {
  type: 'Input.Number';
  value?: number;
  min?: number;
  max?: number;
  placeholder?: string;
}

export interface DateInput extends InputBase {
  type: 'Input.Date';
  value?: string;
  min?: string;
  max?: string;
}

export interface TimeInput extends InputBase {
  type: 'Input.Time';
  value?: string;
}

export interface ToggleInput extends InputBase {
  type: 'Input.Toggle';
  title: string;
  value?: 'true' | 'false';
  valueOn?: string;
  valueOff?: string;
  wrap?: boolean;
}

export interface ChoiceSetInput extends InputBase {
  type: 'Input.ChoiceSet';
  choices: { title: string; value: string }[];
  value?: string;
  style?: 'compact' | 'expanded' | 'filtered';
  isMultiSelect?: boolean;
  placeholder?: string;
  wrap?: boolean;
}

/** Teams' chart element (not in the 1.5 schema): the B3 scores, with a text fallback elsewhere. */
export interface HorizontalBarChart extends ElementBase {
  type: 'Chart.HorizontalBar';
  title?: string;
  displayMode?: 'AbsoluteWithAxis' | 'AbsoluteNoAxis' | 'PartToWhole';
  colorSet?: 'categorical' | 'sequential' | 'diverging';
  data: { x: string; y: number }[];
  fallback?: TextBlock;
}

export type Input = TextInput | NumberInput | DateInput | TimeInput | ToggleInput | ChoiceSetInput;
export type Element = TextBlock | RichTextBlock | FactSet | Container | ActionSet | Input | HorizontalBarChart;

/**
 * What every action may carry. `tooltip` (1.5): what the button reads as when its title alone
 * does not say what it acts on (renderers make it the button's accessible name); see action-tooltip.ts.
 */
interface ActionBase {
  tooltip?: string;
}

export interface SubmitAction extends ActionBase {
  type: 'Action.Submit';
  title: string;
  data?: Record<string, unknown>;
  style?: 'positive' | 'destructive';
}

export interface ExecuteAction extends ActionBase {
  type: 'Action.Execute';
  title?: string;
  verb: string;
  data: Record<string, unknown>;
  style?: 'positive' | 'destructive';
  associatedInputs?: 'auto' | 'none';
  fallback?: SubmitAction;
}

export interface OpenUrlAction extends ActionBase {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
  style?: 'positive' | 'destructive';
}

export type Action = ExecuteAction | SubmitAction | OpenUrlAction;
