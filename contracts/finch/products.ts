import { z } from "zod";
import { PRODUCTS } from "./product-words.js";

export { ORG_PRODUCTS, PAY_PRODUCTS, PRODUCT_DESCRIPTIONS, PRODUCTS, type Product } from "./product-words.js";

/** zod schema of one product scope. */
export const ProductSchema = z.enum(PRODUCTS).meta({ id: "ConnectProducts" });
