/** react-hook-form's zod resolver, with zod's messages in Indonesian (./zod-locale). */
import "./zod-locale";

export { zodResolver } from "@hookform/resolvers/zod";
