import "../ui/styles.css";
import "../ui/styles/extras.css";
import "./ops.css";
import "./ops-tables.css";
import "./ops-uploads.css";
import "./ops-sections.css";
import { mount } from "../ui/mount.js";
import { OpsApp } from "./ops-app.js";

mount(<OpsApp />);
