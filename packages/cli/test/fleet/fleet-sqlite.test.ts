import { sqliteFleet } from "./fleet-backend";
import { fleetScenario } from "./fleet-scenario";

fleetScenario("SQLite", 200, async (dir) => sqliteFleet(dir, 200), { asFunction: true });
