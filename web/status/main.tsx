import "../ui/styles.css";
import { mount } from "../ui/mount.js";
import { StatusApp } from "./status-app.js";

mount(<StatusApp />);
