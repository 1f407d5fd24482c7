// One figure of a plan's or a budget's totals (a <dl className="plan-totals"> entry), marked data-total for tests and print.
export function planTotal(key: string, label: string, value: string) {
  return (
    <div data-total={key}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
