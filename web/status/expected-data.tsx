import type { EmployerStatus } from "../../contracts/linnet/connect-flow.js";
import { formatDate } from "../ui/format.js";
import { productLabels } from "../ui/product-words.js";

const GROUP_TITLES: Record<EmployerStatus["expected_first_data"][number]["group"], string> = {
  org: "Company and employee data",
  pay: "Pay data",
};

/** Props of {@link ExpectedData}. */
export interface ExpectedDataProps {
  expected: EmployerStatus["expected_first_data"];
}

/** When the first data of each product group is due, or when it arrived. */
export function ExpectedData({ expected }: ExpectedDataProps) {
  if (expected.length === 0) return null;
  return (
    <>
      <h2 className="section-title">First data</h2>
      <dl className="facts">
        {expected.map((item) => (
          <div key={item.group}>
            <dt>
              {GROUP_TITLES[item.group]}
              <span className="product-description"> ({productLabels(item.products)})</span>
            </dt>
            <dd data-testid={`expected-${item.group}`}>
              {item.retrieved_at ? `Data received ${formatDate(item.retrieved_at)}` : `Expected by ${formatDate(item.due_at)}`}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
