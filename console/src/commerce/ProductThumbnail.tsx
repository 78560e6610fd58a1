import type { Product } from './api';

const COLOURS = ['#1677ff', '#13c2c2', '#722ed1', '#eb2f96', '#fa8c16', '#52c41a'];

function hash(text: string): number {
  let value = 0;
  for (const character of text) {
    value = (value * 31 + character.charCodeAt(0)) >>> 0;
  }
  return value;
}

/**
 * A square standing in for the product's picture. Pictures live on the shop's servers, which the console's
 * Content-Security-Policy does not let it load from, so the first letter of the category is drawn instead.
 */
export function ProductThumbnail({ product, size = 36 }: { product: Product; size?: number }) {
  const label = product.category ?? product.name ?? product.productId;
  const colour = COLOURS[hash(label) % COLOURS.length];
  return (
    <span
      className="product-thumbnail"
      style={{ width: size, height: size, background: `${colour}1a`, color: colour, fontSize: size * 0.42 }}
      aria-hidden="true"
    >
      {Array.from(label)[0]?.toUpperCase()}
    </span>
  );
}
